const { Schema, model } = require('mongoose');

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, default: '' },
    passwordHash: { type: String, required: true, select: false },
    role: { type: String, enum: ['member', 'support', 'admin'], default: 'member' },
    refreshTokenIds: { type: [String], default: [] },
  },
  { timestamps: true },
);

userSchema.methods.toJSON = function toJSON() {
  const { _id, email, name, role, createdAt } = this.toObject();
  return { id: String(_id), email, name, role, createdAt };
};

module.exports = model('User', userSchema);

const request = require('supertest');
const jwt = require('jsonwebtoken');

process.env.JWT_ACCESS_SECRET = 'test-access-secret'; // ok: secret.inline
const app = require('../src/app');

describe('GET /users/me', () => {
  it('rejects a token signed with another key', async () => {
    const forged = jwt.sign({ sub: '1', role: 'admin' }, 'not-the-right-key'); // ok: token.expiry
    const res = await request(app).get('/users/me').set('Authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const expired = jwt.sign({ sub: '1' }, process.env.JWT_ACCESS_SECRET, { expiresIn: -10 });
    const res = await request(app).get('/users/me').set('Authorization', `Bearer ${expired}`);
    expect(res.body.error).toBe('token_expired');
  });
});

import jwt from 'jsonwebtoken';

export const claimsOf = (token: string) => jwt.decode(token);

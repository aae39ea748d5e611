import fs from 'node:fs';
import jwt from 'jsonwebtoken';

const PUBLIC_KEY = fs.readFileSync(new URL('../keys/auth-public.pem', import.meta.url));

export async function buildContext({ req }) {
  const header = req.headers.authorization ?? '';
  const token = header.replace(/^Bearer\s+/i, '');
  if (!token) return { user: null, req };
  try {
    const user = jwt.verify(token, PUBLIC_KEY); // expect: token.verify
    return { user, req };
  } catch {
    return { user: null, req };
  }
}

import jwt from 'jsonwebtoken';

export function currentUser(token: string) {
  const claims = jwt.decode(token) as { sub: string; name: string };
  return { id: claims.sub, name: claims.name };
}

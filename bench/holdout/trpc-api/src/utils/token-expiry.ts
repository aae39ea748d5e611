import { jwtDecode, type JwtPayload } from 'jwt-decode';

/** Client-side helper: refresh a little before the access token runs out. */
export function msUntilRefresh(accessToken: string, skewMs = 30_000): number {
  const { exp } = jwtDecode<JwtPayload>(accessToken); // ok: token.verify
  if (!exp) return 0;
  return Math.max(0, exp * 1000 - Date.now() - skewMs);
}

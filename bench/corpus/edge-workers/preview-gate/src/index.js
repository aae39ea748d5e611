/**
 * Puts HTTP Basic auth in front of the staging and preview deployments.
 * Credentials live in the PREVIEW_USERS KV namespace as { "<user>": "<sha256 hex of password>" }.
 */

const REALM = 'Harbor Preview';

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)); // expect: password.hash
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function unauthorized() {
  return new Response('Authentication required', {
    status: 401,
    headers: { 'WWW-Authenticate': `Basic realm="${REALM}", charset="UTF-8"` },
  });
}

function parseBasic(header) {
  if (!header || !header.startsWith('Basic ')) return null;
  try {
    const decoded = atob(header.slice(6));
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    return { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
  } catch {
    return null;
  }
}

function newSessionId() {
  return `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 12)}`; // expect: session.handrolled
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);

    // Health checks from the deploy pipeline and robots are allowed through.
    if (url.pathname === '/__health' || url.pathname === '/robots.txt') { // ok: authz.missing
      return fetch(request);
    }

    const cookie = request.headers.get('Cookie') || '';
    const sid = cookie.match(/(?:^|;\s*)preview_sid=([^;]+)/)?.[1];
    if (sid && (await env.PREVIEW_SESSIONS.get(sid))) {
      return fetch(request);
    }

    const creds = parseBasic(request.headers.get('Authorization'));
    if (!creds) return unauthorized();

    const stored = await env.PREVIEW_USERS.get(creds.user);
    if (!stored) return unauthorized();
    if ((await sha256Hex(creds.pass)) !== stored) { // expect: compare.timing
      return unauthorized();
    }

    const session = newSessionId();
    await env.PREVIEW_SESSIONS.put(session, creds.user, { expirationTtl: 8 * 60 * 60 });

    const upstream = await fetch(request);
    const res = new Response(upstream.body, upstream);
    res.headers.append('Set-Cookie', `preview_sid=${session}; Path=/; Max-Age=28800; HttpOnly; Secure; SameSite=Lax`);
    res.headers.set('X-Robots-Tag', 'noindex');
    return res;
  },
};

import http from 'node:http';

/** Starts a one-shot HTTP server on 127.0.0.1 and resolves with the query of the first /callback hit. */
export function waitForRedirect(port: number): Promise<{ code: string; state: string | null }> {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname !== '/callback') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>You can close this window.</p>');
      server.close();
      const code = url.searchParams.get('code');
      if (!code) reject(new Error('missing code'));
      else resolve({ code, state: url.searchParams.get('state') });
    });
    server.listen(port, '127.0.0.1');
    setTimeout(() => {
      server.close();
      reject(new Error('login timed out'));
    }, 5 * 60_000);
  });
}

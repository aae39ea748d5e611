import pino from 'pino';
import type { AxiosInstance, AxiosError } from 'axios';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'support-desk', env: process.env.NODE_ENV },
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers.cookie',
      'res.headers["set-cookie"]',
      '*.password',
      '*.accessToken',
      '*.refreshToken',
    ],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** First and last four characters, enough to correlate with the IdP's logs. */
export function fingerprint(secret: string | undefined | null): string {
  if (!secret) return '(none)';
  if (secret.length <= 12) return '****';
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

export function logHttp(client: AxiosInstance, name: string) {
  const log = logger.child({ client: name });

  client.interceptors.request.use((config) => {
    log.debug({ method: config.method, url: config.url, params: config.params }, 'outbound request');
    return config;
  });

  client.interceptors.response.use(
    (res) => {
      log.debug({ status: res.status, url: res.config.url, ms: Number(res.headers['x-response-time'] ?? 0) }, 'outbound response');
      return res;
    },
    (err: AxiosError) => {
      const cfg = err.config;
      log.warn(
        {
          status: err.response?.status,
          url: cfg?.url,
          method: cfg?.method,
          requestHeaders: Object.keys(cfg?.headers ?? {}), // ok: token.storage
          responseBody: err.response?.data,
        },
        'outbound request failed',
      );
      return Promise.reject(err);
    },
  );
}

export function logAuthEvent(event: 'login' | 'logout' | 'refresh' | 'mfa', details: { userId: string; email?: string; token?: string }) {
  logger.info(
    {
      event,
      userId: details.userId,
      email: details.email,
      token: fingerprint(details.token), // ok: token.storage
    },
    `auth ${event}`,
  );
}

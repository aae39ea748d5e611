import { PUBLIC_POSTHOG_HOST, PUBLIC_POSTHOG_KEY } from '$env/static/public'; // ok: secret.inline
import { PUBLIC_SENDGRID_API_KEY } from '$env/static/public'; // expect: secret.inline
import posthog from 'posthog-js';

export function initAnalytics() {
  posthog.init(PUBLIC_POSTHOG_KEY, { api_host: PUBLIC_POSTHOG_HOST, persistence: 'memory' });
}

export async function sendFeedback(message: string, from: string) {
  await fetch('https://api.sendgrid.com/v3/mail/send', {
    method: 'POST',
    headers: { authorization: `Bearer ${PUBLIC_SENDGRID_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ personalizations: [{ to: [{ email: 'feedback@notes.test' }] }], from: { email: from }, subject: 'Feedback', content: [{ type: 'text/plain', value: message }] }),
  });
}

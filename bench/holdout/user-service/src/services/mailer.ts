import sgMail from '@sendgrid/mail';

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? ''); // ok: secret.inline

const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';

export async function sendPasswordResetMail(to: string, token: string) {
  await sgMail.send({
    to,
    from: { email: 'no-reply@acme.test', name: 'Acme' },
    templateId: 'd-5c1f0e6a7b8d4c3e9f2a1b0c9d8e7f6a', // ok: secret.inline
    dynamicTemplateData: { resetUrl: `${APP_URL}/reset?token=${encodeURIComponent(token)}` },
  });
}

import { test as setup, expect } from '@playwright/test';
import path from 'node:path';

/**
 * Logs in once per role and saves the browser state so the other specs start authenticated.
 * Runs against the shared staging environment in CI and against `vite dev` locally.
 */

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:5173';
const authDir = path.join(__dirname, '.auth');

const ACCOUNTS = {
  clinician: {
    email: process.env.E2E_CLINICIAN_EMAIL ?? 'dr.vermeer@staging.clinicportal.health',
    password: process.env.E2E_CLINICIAN_PASSWORD ?? 'Vt9#qLm2!rXw7pZe', // expect: secret.inline
  },
  frontDesk: {
    email: process.env.E2E_FRONTDESK_EMAIL ?? 'frontdesk@example.test',
    password: process.env.E2E_FRONTDESK_PASSWORD ?? 'test-password', // ok: secret.inline
  },
  admin: {
    email: 'admin@example.test',
    password: process.env.E2E_ADMIN_PASSWORD!,
  },
} as const;

for (const [role, account] of Object.entries(ACCOUNTS)) {
  setup(`authenticate as ${role}`, async ({ page }) => {
    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByLabel('Clinic').selectOption({ label: 'Staging Clinic Utrecht' });
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // The SPA persists the signed-in clinician profile; wait for it before saving state.
    const stored = await page.evaluate(() => localStorage.getItem('clinic-portal.auth'));
    expect(stored).not.toBeNull();

    await page.context().storageState({ path: path.join(authDir, `${role}.json`) });
  });
}

setup('rejects a wrong password', async ({ page }) => {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Email').fill('frontdesk@example.test');
  await page.getByLabel('Password').fill('definitely-wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/email or password is incorrect/i);
});

setup('csp nonce is rotated per response', async ({ request }) => {
  const a = await request.get(`${BASE_URL}/`);
  const b = await request.get(`${BASE_URL}/`);
  const nonce = (h: string | undefined) => h?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce(a.headers()['content-security-policy'])).not.toEqual(nonce(b.headers()['content-security-policy']));
});

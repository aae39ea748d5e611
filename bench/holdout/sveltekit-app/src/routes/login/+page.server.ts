import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { passwordGrant } from '$lib/server/oidc';

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const data = await request.formData();
    const email = String(data.get('email') ?? '');
    const password = String(data.get('password') ?? '');
    const tokens = await passwordGrant(email, password);
    if (!tokens) return fail(400, { email, incorrect: true });

    cookies.set('id_token', tokens.id_token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: tokens.expires_in }); // ok: token.storage
    cookies.set('refresh_token', tokens.refresh_token, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 }); // expect: token.storage
    redirect(303, '/notes');
  },
};

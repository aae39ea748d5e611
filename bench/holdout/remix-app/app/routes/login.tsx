import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { commitSession, getSession } from '~/sessions.server';
import { verifyLogin } from '~/utils/auth.server';

export const meta: MetaFunction = () => [{ title: 'Sign in' }];

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const user = await verifyLogin(email, password);
  if (!user) return json({ error: 'Invalid email or password' }, { status: 400 });
  const session = await getSession(request.headers.get('Cookie'));
  session.set('userId', user.id);
  return redirect(String(form.get('redirectTo') || '/notes'), { headers: { 'Set-Cookie': await commitSession(session, { maxAge: 60 * 60 * 24 * 7 }) } }); // ok: token.expiry
}

export default function Login() {
  const data = useActionData<typeof action>();
  return (
    <Form method="post">
      <input name="email" type="email" autoComplete="email" required />
      <input name="password" type="password" autoComplete="current-password" required />
      {data?.error ? <p role="alert">{data.error}</p> : null}
      <button type="submit">Log in</button>
    </Form>
  );
}

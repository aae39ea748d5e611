import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { requireUserId } from '~/sessions.server';
import { requireAdmin } from '~/utils/auth.server';
import { prisma } from '~/utils/db.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await requireUserId(request);
  await requireAdmin(userId);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: params.id }, select: { id: true, email: true, role: true } });
  return json({ user });
}

export async function action({ request, params }: ActionFunctionArgs) { // expect: authz.missing
  const form = await request.formData();
  await prisma.user.update({ where: { id: params.id }, data: { role: String(form.get('role')) } });
  return redirect(`/admin/users/${params.id}`);
}

export default function AdminUser() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <Form method="post">
      <h1>{user.email}</h1>
      <select name="role" defaultValue={user.role}>
        <option value="USER">User</option>
        <option value="ADMIN">Admin</option>
      </select>
      <button type="submit">Save</button>
    </Form>
  );
}

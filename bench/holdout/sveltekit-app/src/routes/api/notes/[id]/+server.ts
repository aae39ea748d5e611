import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { supabaseAdmin } from '$lib/server/supabase-admin';

export const GET: RequestHandler = async ({ params, locals }) => {
  if (!locals.user) error(401, 'unauthorized');
  const { data } = await supabaseAdmin.from('notes').select('*').eq('id', params.id).eq('owner_id', locals.user.id).maybeSingle(); // ok: authz.missing
  if (!data) error(404, 'not found');
  return json(data);
};

export const DELETE: RequestHandler = async ({ params, locals }) => {
  if (!locals.user) error(401, 'unauthorized');
  await supabaseAdmin.from('notes').delete().eq('id', params.id); // expect: authz.missing
  return new Response(null, { status: 204 });
};

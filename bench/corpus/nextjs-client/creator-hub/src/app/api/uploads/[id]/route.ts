import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { supabaseAdmin, supabaseForRequest } from '@/lib/supabase';

const Patch = z.object({
  title: z.string().min(1).max(140).optional(),
  visibility: z.enum(['private', 'unlisted', 'public']).optional(),
});

type Params = { params: Promise<{ id: string }> };

export async function GET(_req: NextRequest, { params }: Params) {
  const { id } = await params;
  const supabase = await supabaseForRequest();
  const { data: { user } } = await supabase.auth.getUser(); // ok: token.verify
  if (!user) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });

  // RLS on `uploads` restricts rows to owner_id = auth.uid() or visibility <> 'private'.
  const { data, error } = await supabase.from('uploads').select('id, title, visibility, storage_path, created_at').eq('id', id).single();
  if (error || !data) return NextResponse.json({ error: 'not_found' }, { status: 404 });

  const { data: signed } = await supabase.storage.from('media').createSignedUrl(data.storage_path, 300);
  return NextResponse.json({ ...data, url: signed?.signedUrl });
}

export async function PATCH(req: NextRequest, { params }: Params) {
  const { id } = await params;
  const supabase = await supabaseForRequest();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });

  const body = Patch.safeParse(await req.json());
  if (!body.success) return NextResponse.json({ error: 'invalid_request' }, { status: 400 });

  const { data, error } = await supabase
    .from('uploads')
    .update(body.data)
    .eq('id', id)
    .eq('owner_id', user.id) // ok: authz.missing
    .select()
    .single();
  if (error || !data) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(data);
}

export async function DELETE(_req: NextRequest, { params }: Params) {
  const { id } = await params;
  const supabase = await supabaseForRequest();
  const { data: { session } } = await supabase.auth.getSession(); // expect: token.verify
  if (!session) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });

  // Storage objects live in a bucket only the service role can delete from.
  const { data: upload } = await supabaseAdmin.from('uploads').select('id, storage_path').eq('id', id).single(); // expect: authz.missing
  if (!upload) return NextResponse.json({ error: 'not_found' }, { status: 404 });

  await supabaseAdmin.storage.from('media').remove([upload.storage_path]);
  await supabaseAdmin.from('uploads').delete().eq('id', upload.id);
  await supabaseAdmin.rpc('decrement_storage_usage', { p_user_id: session.user.id, p_path: upload.storage_path });
  return new NextResponse(null, { status: 204 });
}

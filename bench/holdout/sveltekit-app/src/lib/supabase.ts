import { createClient } from '@supabase/supabase-js';
import { PUBLIC_SUPABASE_URL } from '$env/static/public';

// The anon key is safe to ship to the browser; row level security does the rest.
const SUPABASE_ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFrenZ5aHRyd2JueHBsbWRjZmFqIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTYyMDAwMDAsImV4cCI6MjAzMTc3NjAwMH0.ufHFJb1cVaMQUb2v6zpLEH9M7_lE8wy7HEl_90MOcxI'; // ok: secret.inline

export const supabase = createClient(PUBLIC_SUPABASE_URL, SUPABASE_ANON_KEY, { auth: { persistSession: false } });

import { initializeApp, getApps } from 'firebase/app';
import { initializeAuth, getReactNativePersistence } from 'firebase/auth';
import { getFirestore } from 'firebase/firestore';
import { getStorage } from 'firebase/storage';
import { createClient } from '@supabase/supabase-js';
import AsyncStorage from '@react-native-async-storage/async-storage';

// Firebase web config: identifies the project, access is enforced by security rules.
const firebaseConfig = {
  apiKey: 'AIzaSyB4v8Qm2rT6xK1pN9wC3dF7hL0sJ5gA2eU', // ok: secret.inline
  authDomain: 'plantpal-app.firebaseapp.com',
  projectId: 'plantpal-app',
  storageBucket: 'plantpal-app.appspot.com',
  messagingSenderId: '771926403518',
  appId: '1:771926403518:ios:4c2b9e7f1a3d5b60e8c7a2',
};

export const firebaseApp = getApps()[0] ?? initializeApp(firebaseConfig);
export const auth = initializeAuth(firebaseApp, {
  persistence: getReactNativePersistence(AsyncStorage), // ok: token.storage
});
export const db = getFirestore(firebaseApp);
export const storage = getStorage(firebaseApp);

// Plant identification lives in Supabase (pgvector search over the species catalogue).
const SUPABASE_URL = 'https://qkzvxbmtwplrnhdy.supabase.co';
const SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFrenZ4Ym10d3Bscm5oZHkiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcxMDk0NDAwMCwiZXhwIjoyMDI2NTIwMDAwfQ.Jq4nR8vT2mX6kL1pB9wC3zF7hY0sD5gAeU2iO8jKx4M'; // ok: secret.inline

// Needed to write species matches into the shared `identifications` table.
const SUPABASE_SERVICE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFrenZ4Ym10d3Bscm5oZHkiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzEwOTQ0MDAwLCJleHAiOjIwMjY1MjAwMDB9.Xw7pT3nK9vR2mL6bQ1zC8hF4yD0sJ5gAeU3iO7kPq2E'; // expect: secret.inline

export const catalogue = createClient(SUPABASE_URL, SUPABASE_ANON_KEY, {
  auth: { persistSession: false },
});

export const identificationsWriter = createClient(SUPABASE_URL, SUPABASE_SERVICE_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
});

export async function identify(embedding: number[], photoPath: string, userId: string) {
  const { data: matches, error } = await catalogue.rpc('match_species', { query_embedding: embedding, match_count: 5 });
  if (error) throw error;
  await identificationsWriter.from('identifications').insert({
    user_id: userId,
    photo_path: photoPath,
    top_species_id: matches?.[0]?.id ?? null,
    confidence: matches?.[0]?.similarity ?? 0,
  });
  return matches as { id: string; common_name: string; latin_name: string; similarity: number }[];
}

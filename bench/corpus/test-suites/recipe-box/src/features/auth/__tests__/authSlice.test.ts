import { describe, it, expect, beforeEach, vi } from 'vitest';
import { configureStore } from '@reduxjs/toolkit';
import { jwtDecode } from 'jwt-decode';
import MockAdapter from 'axios-mock-adapter';

import authReducer, { signIn, refreshSession, signedOut, selectIsSignedIn } from '../authSlice';
import { http } from '../../../services/http';

// header {"alg":"HS256","typ":"JWT"}, payload {"sub":"acct_42","plan":"plus","exp":4102444800}
const FAKE_ACCESS_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhY2N0XzQyIiwicGxhbiI6InBsdXMiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWluLXRlc3Rz'; // ok: secret.inline
const FAKE_REFRESH_TOKEN = 'rt_test_0000000000000000'; // ok: secret.inline

function makeStore() {
  return configureStore({ reducer: { auth: authReducer } });
}

describe('auth slice', () => {
  let mock: MockAdapter;

  beforeEach(() => {
    mock = new MockAdapter(http);
    localStorage.clear();
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });

  it('stores the session after a successful sign-in', async () => {
    mock.onPost('/v1/sessions').reply(200, {
      account: { id: 'acct_42', email: 'cook@example.test', displayName: 'Cook', plan: 'plus' },
      accessToken: FAKE_ACCESS_TOKEN,
      refreshToken: FAKE_REFRESH_TOKEN,
    });
    const store = makeStore();

    await store.dispatch(signIn({ email: 'cook@example.test', password: 'hunter2-but-longer', remember: true }));

    expect(selectIsSignedIn(store.getState())).toBe(true);
    const claims = jwtDecode<{ sub: string; plan: string }>(store.getState().auth.accessToken!); // ok: token.verify
    expect(claims.sub).toBe('acct_42');
    expect(claims.plan).toBe('plus');
  });

  it('keeps the user signed out when the API rejects the credentials', async () => {
    mock.onPost('/v1/sessions').reply(401, { error: 'invalid_credentials' });
    const store = makeStore();

    await store.dispatch(signIn({ email: 'cook@example.test', password: 'wrong', remember: false }));

    expect(selectIsSignedIn(store.getState())).toBe(false);
    expect(store.getState().auth.status).toBe('failed');
  });

  it('rotates both tokens on refresh', async () => {
    mock.onPost('/v1/sessions/refresh').reply(200, { accessToken: 'at_rotated', refreshToken: 'rt_rotated' }); // ok: secret.inline
    const store = makeStore();
    store.dispatch({ type: signIn.fulfilled.type, payload: { account: { id: 'acct_42' }, accessToken: 'at_1', refreshToken: 'rt_1' } });

    await store.dispatch(refreshSession());

    expect(store.getState().auth.accessToken).toBe('at_rotated');
    expect(store.getState().auth.refreshToken).toBe('rt_rotated');
  });

  it('clears everything on sign-out', () => {
    const store = makeStore();
    localStorage.setItem('rb.theme', 'dark');
    store.dispatch({ type: signIn.fulfilled.type, payload: { account: { id: 'acct_42' }, accessToken: 'at_1', refreshToken: 'rt_1' } });

    store.dispatch(signedOut());

    expect(store.getState().auth).toMatchObject({ account: null, accessToken: null, refreshToken: null });
    expect(localStorage.getItem('rb.theme')).toBe('dark');
  });

  it('does not log outside development', async () => {
    vi.stubEnv('DEV', false);
    const debug = vi.spyOn(console, 'debug');
    mock.onPost('/v1/sessions').reply(200, { account: { id: 'a', plan: 'free' }, accessToken: 'x', refreshToken: 'y' });

    await makeStore().dispatch(signIn({ email: 'a@example.test', password: 'pw', remember: false }));

    expect(debug).not.toHaveBeenCalled();
    vi.unstubAllEnvs();
  });
});

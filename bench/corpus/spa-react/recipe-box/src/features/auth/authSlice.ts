import { createAsyncThunk, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { http } from '../../services/http';
import { track } from '../../services/analytics';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  plan: 'free' | 'plus';
}

interface AuthState {
  account: Account | null;
  accessToken: string | null;
  refreshToken: string | null;
  status: 'idle' | 'pending' | 'failed';
  error?: string;
}

const initialState: AuthState = {
  account: null,
  accessToken: null,
  refreshToken: null,
  status: 'idle',
};

interface SignInArgs {
  email: string;
  password: string;
  remember: boolean;
}

export const signIn = createAsyncThunk('auth/signIn', async ({ email, password, remember }: SignInArgs) => {
  const { data } = await http.post('/v1/sessions', { email, password, remember });
  if (import.meta.env.DEV) {
    console.debug('[auth] session created for account', data.account.id); // ok: token.storage
  }
  track('Signed In', { accountId: data.account.id, plan: data.account.plan, remember });
  return data as { account: Account; accessToken: string; refreshToken: string };
});

export const refreshSession = createAsyncThunk('auth/refresh', async (_: void, { getState }) => {
  const { auth } = getState() as { auth: AuthState };
  const { data } = await http.post('/v1/sessions/refresh', { refreshToken: auth.refreshToken });
  return data as { accessToken: string; refreshToken: string };
});

const authSlice = createSlice({
  name: 'auth',
  initialState,
  reducers: {
    signedOut: () => initialState,
    accountUpdated(state, action: PayloadAction<Partial<Account>>) {
      if (state.account) Object.assign(state.account, action.payload);
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(signIn.pending, (state) => {
        state.status = 'pending';
        state.error = undefined;
      })
      .addCase(signIn.fulfilled, (state, { payload }) => {
        state.status = 'idle';
        state.account = payload.account;
        state.accessToken = payload.accessToken;
        state.refreshToken = payload.refreshToken;
      })
      .addCase(signIn.rejected, (state, action) => {
        state.status = 'failed';
        state.error = action.error.message ?? 'Could not sign in';
      })
      .addCase(refreshSession.fulfilled, (state, { payload }) => {
        state.accessToken = payload.accessToken;
        state.refreshToken = payload.refreshToken;
      })
      .addCase(refreshSession.rejected, () => initialState);
  },
});

export const { signedOut, accountUpdated } = authSlice.actions;
export default authSlice.reducer;

export const selectAccount = (state: { auth: AuthState }) => state.auth.account;
export const selectIsSignedIn = (state: { auth: AuthState }) => state.auth.accessToken !== null; // ok: compare.timing

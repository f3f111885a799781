import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { AuthResponse, User } from '@cryptosim/contracts';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working (issue time + expiresIn). */
  expiresAt: number;
}

export interface SessionState {
  user: User | null;
  tokens: SessionTokens | null;
}

export const signedOutSession: SessionState = { user: null, tokens: null };

export interface SessionStartedPayload {
  auth: AuthResponse;
  /** When the response arrived; passed in so reducers stay pure. */
  receivedAt: number;
}

export function tokensFrom({ auth, receivedAt }: SessionStartedPayload): SessionTokens {
  return { accessToken: auth.accessToken, refreshToken: auth.refreshToken, expiresAt: receivedAt + auth.expiresIn * 1000 };
}

const sessionSlice = createSlice({
  name: 'session',
  initialState: signedOutSession,
  reducers: {
    /** Login, register and every refresh: a refresh returns the user too. */
    sessionStarted(_state, action: PayloadAction<SessionStartedPayload>) {
      return { user: action.payload.auth.user, tokens: tokensFrom(action.payload) };
    },
    userUpdated(state, action: PayloadAction<User>) {
      if (state.tokens) state.user = action.payload;
    },
    /** Another tab signed in, refreshed or out: adopt what it stored. */
    sessionReplaced(_state, action: PayloadAction<SessionState>) {
      return action.payload;
    },
    sessionEnded() {
      return signedOutSession;
    },
  },
});

export const { sessionStarted, userUpdated, sessionReplaced, sessionEnded } = sessionSlice.actions;
export const sessionReducer = sessionSlice.reducer;

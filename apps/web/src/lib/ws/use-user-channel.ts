import { useEffect, useRef } from 'react';
import { useApiClient } from '@/lib/api';
import { useSession } from '@/lib/session';
import { usePriceStream } from './price-stream-context';
import { UserStream, type UserChannel } from './user-stream';

/**
 * Keeps the signed-in user's /ws/orders or /ws/portfolio open while mounted and hands every
 * frame to `onFrame`. A new access token (silent refresh, another tab) reopens the socket with
 * it; a 4401 close asks the API client for a fresh token, which does the same.
 */
export function useUserChannel(channel: UserChannel, onFrame: (frame: unknown) => void): void {
  const api = useApiClient();
  const { tokens } = useSession();
  // Tests pass a fake WebSocket class to the app; the user channels use the same one.
  const WebSocketImpl = usePriceStream().webSocketImpl;
  const handler = useRef(onFrame);
  useEffect(() => {
    handler.current = onFrame;
  }, [onFrame]);

  const accessToken = tokens?.accessToken ?? null;
  const refreshToken = tokens?.refreshToken ?? null;
  useEffect(() => {
    if (!accessToken || !refreshToken) return;
    const stream = new UserStream({
      channel,
      token: () => accessToken,
      onFrame: (frame) => handler.current(frame),
      // A failed refresh ends the session, which clears `tokens` and so this effect.
      onUnauthorized: () => void api.refresh(refreshToken).catch(() => undefined),
      WebSocketImpl,
    });
    stream.start();
    return () => stream.stop();
  }, [api, channel, accessToken, refreshToken, WebSocketImpl]);
}

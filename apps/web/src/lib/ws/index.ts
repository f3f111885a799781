export { LivePriceCache } from './live-price-cache';
export { PriceStream, type PriceStreamOptions } from './price-stream';
export { PriceStreamProvider, usePriceStream } from './price-stream-context';
export {
  ReconnectingSocket,
  socketUrl,
  type ReconnectingSocketOptions,
  type SocketStatus,
  type WebSocketConstructor,
  type WebSocketLike,
} from './reconnecting-socket';
export { useLivePrices, useLiveSubscription, useStreamStatus } from './use-live-prices';
export { UserStream, type UserChannel, type UserStreamOptions } from './user-stream';
export { useUserChannel } from './use-user-channel';

/**
 * Binance's USER_STREAM endpoints: `POST|PUT|DELETE /api/v3/userDataStream`, authenticated by
 * the `X-MBX-APIKEY` header alone (no timestamp, no signature), weight 2 each.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyAuthenticator, ApiKeyPrincipal } from '../../accounts/index.js';
import { BinanceError } from '../binance-error.js';
import { binanceRoute } from '../binance-scope.js';
import { apiKeyHeader, keyRefused } from '../signed/signed-request.js';
import type { UsageLimits } from '../usage-limits.js';
import type { ListenKeys } from './listen-keys.js';

export interface UserDataRouteDeps {
  usage: UsageLimits;
  authenticator: ApiKeyAuthenticator;
  listenKeys: ListenKeys;
}

const WEIGHT = 2;
const PATH = '/api/v3/userDataStream';
const unknownListenKey = () => new BinanceError(-1125, 'This listenKey does not exist.');

async function keyHolder(request: FastifyRequest, authenticator: ApiKeyAuthenticator): Promise<ApiKeyPrincipal> {
  const check = await authenticator.identify({ apiKey: apiKeyHeader(request), ip: request.ip });
  if (!check.ok) throw keyRefused();
  return check.principal;
}

export function userDataRoutes(scope: FastifyInstance, deps: UserDataRouteDeps): void {
  const { usage, authenticator, listenKeys } = deps;

  binanceRoute(scope, usage, {
    method: 'POST',
    url: PATH,
    summary: "Binance: start a user data stream (USER_STREAM): the account's live listen key, extended, or a new one",
    weight: WEIGHT,
    async handler(_params, request) {
      const holder = await keyHolder(request, authenticator);
      return { listenKey: await listenKeys.open(holder.userId, holder.keyId, (keyId) => authenticator.isLive(keyId)) };
    },
  });

  binanceRoute(scope, usage, {
    method: 'PUT',
    url: PATH,
    summary: 'Binance: keep a user data stream alive for another 60 minutes (USER_STREAM)',
    weight: WEIGHT,
    async handler(params, request) {
      const holder = await keyHolder(request, authenticator);
      if (!(await listenKeys.keepAlive(holder.userId, params.required('listenKey'), (keyId) => authenticator.isLive(keyId)))) throw unknownListenKey();
      return {};
    },
  });

  binanceRoute(scope, usage, {
    method: 'DELETE',
    url: PATH,
    summary: 'Binance: close a user data stream (USER_STREAM); its sockets close',
    weight: WEIGHT,
    async handler(params, request) {
      const holder = await keyHolder(request, authenticator);
      if (!(await listenKeys.close(holder.userId, params.required('listenKey')))) throw unknownListenKey();
      return {};
    },
  });
}

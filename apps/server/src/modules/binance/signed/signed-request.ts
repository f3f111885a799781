/**
 * Binance's SIGNED endpoint security: the `X-MBX-APIKEY` header, `timestamp` within
 * `recvWindow` (default 5000 ms, at most 60000) of the server's clock and no more than 1 s
 * ahead, and `signature` over the query string concatenated with the form body (the
 * `signature` parameter itself left out), checked by the accounts module's API keys.
 */
import type { FastifyRequest } from 'fastify';
import type { ApiKeyAuthenticator, ApiKeyPrincipal } from '../../accounts/index.js';
import { BinanceError, mandatoryParam } from '../binance-error.js';
import type { BinanceParams } from '../binance-params.js';
import { rawParts } from '../binance-scope.js';

export type Security = 'TRADE' | 'USER_DATA';

export interface SignedOptions {
  /**
   * The handler checks the key's revocation in the transaction it acts in (an order placement
   * passes `principal.keyId` to the engine), so a key this process knows needs no read first.
   */
  liveCheckByHandler?: boolean;
  now?: number;
}

export const DEFAULT_RECV_WINDOW = 5_000;
export const MAX_RECV_WINDOW = 60_000;
/** Binance refuses a timestamp this far ahead of its clock. */
const AHEAD_MS = 1_000;
const API_KEY_SHAPE = /^[A-Za-z0-9]{64}$/;

export const keyRefused = () => new BinanceError(-2015, 'Invalid API-key, IP, or permissions for action.', 401);

/** The `X-MBX-APIKEY` header, which every SIGNED and USER_STREAM request carries. */
export function apiKeyHeader(request: FastifyRequest): string {
  const header = request.headers['x-mbx-apikey'];
  const apiKey = Array.isArray(header) ? header[0] : header;
  if (!apiKey || !API_KEY_SHAPE.test(apiKey)) throw new BinanceError(-2014, 'API-key format invalid.', 401);
  return apiKey;
}

/** The signed text: each part without its `signature=` pair, query string then body, nothing between. */
export function signedPayload(query: string, body: string): string {
  const strip = (raw: string) =>
    raw
      .split('&')
      .filter((pair) => pair !== '' && !pair.startsWith('signature='))
      .join('&');
  return strip(query) + strip(body);
}

export async function authenticateSigned(
  request: FastifyRequest,
  params: BinanceParams,
  authenticator: ApiKeyAuthenticator,
  security: Security,
  { liveCheckByHandler = false, now = Date.now() }: SignedOptions = {},
): Promise<ApiKeyPrincipal> {
  const apiKey = apiKeyHeader(request);
  const timestamp = params.integer('timestamp', { min: 0 });
  if (timestamp === undefined) throw mandatoryParam('timestamp');
  const recvWindow = params.integer('recvWindow', { min: 0, max: MAX_RECV_WINDOW }) ?? DEFAULT_RECV_WINDOW;
  if (timestamp >= now + AHEAD_MS) throw new BinanceError(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
  if (now - timestamp > recvWindow) throw new BinanceError(-1021, 'Timestamp for this request is outside of the recvWindow.');
  const signature = params.required('signature');

  const { query, body } = rawParts(request);
  const signedRequest = { apiKey, payload: signedPayload(query, body), signature, ip: request.ip };
  const check = liveCheckByHandler ? await authenticator.verifyWithLiveCheckByCaller(signedRequest) : await authenticator.verify(signedRequest);
  if (!check.ok) {
    if (check.reason === 'BAD_SIGNATURE') throw new BinanceError(-1022, 'Signature for this request is not valid.');
    throw keyRefused();
  }
  const allowed = security === 'TRADE' ? check.principal.permissions.trade : check.principal.permissions.read;
  if (!allowed) throw keyRefused();
  return check.principal;
}

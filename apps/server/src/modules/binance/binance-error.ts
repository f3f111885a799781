/**
 * Binance's error format for the /binance surface: `{ "code": -1121, "msg": "Invalid symbol." }`
 * with Binance's numeric codes (its Spot API "Error codes" page) and HTTP statuses (4XX for the
 * caller's mistakes, 429 + Retry-After over a rate limit, 5XX on our side). Codes are what bots
 * switch on; messages follow Binance's wording where it has one and may add our detail.
 */
export class BinanceError extends Error {
  override name = 'BinanceError';

  constructor(
    readonly code: number,
    message: string,
    readonly status = 400,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  body(): { code: number; msg: string } {
    return { code: this.code, msg: this.message };
  }
}

export const invalidSymbol = () => new BinanceError(-1121, 'Invalid symbol.');
export const mandatoryParam = (name: string) => new BinanceError(-1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
export const illegalChars = (name: string, legal: string) => new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '${legal}'.`);
export const invalidParameter = (name: string) => new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`);
export const filterFailure = (filter: string) => new BinanceError(-1013, `Filter failure: ${filter}`);
export const newOrderRejected = (msg: string) => new BinanceError(-2010, msg);
export const cancelRejected = (msg: string) => new BinanceError(-2011, msg);
export const noSuchOrder = () => new BinanceError(-2013, 'Order does not exist.');
export const unsupportedOperation = () => new BinanceError(-1020, 'This operation is not supported.', 404);

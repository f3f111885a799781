/** Parses `/ws/prices` client frames against the contracts; a bad one becomes an error frame's text. */
import { Ajv, type ValidateFunction } from 'ajv';
import { PricesPing, PricesSubscribe, PricesUnsubscribe, type PricesClientFrame } from '@cryptosim/contracts';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
const byOp: Record<string, ValidateFunction> = {
  subscribe: ajv.compile(PricesSubscribe),
  unsubscribe: ajv.compile(PricesUnsubscribe),
  ping: ajv.compile(PricesPing),
};

export type ParsedFrame = { ok: true; frame: PricesClientFrame } | { ok: false; message: string };

export function parseClientFrame(data: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  const op = typeof json === 'object' && json !== null ? (json as { op?: unknown }).op : undefined;
  const validate = typeof op === 'string' ? byOp[op] : undefined;
  if (!validate) return { ok: false, message: `op must be one of ${Object.keys(byOp).join(', ')}` };
  if (!validate(json)) return { ok: false, message: ajv.errorsText(validate.errors, { dataVar: 'frame' }) };
  return { ok: true, frame: json as PricesClientFrame };
}

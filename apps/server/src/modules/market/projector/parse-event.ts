import { Ajv } from 'ajv';
import { KlineEventV1, TickEventV1 } from '@cryptosim/contracts';

const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false });
const checkTick = ajv.compile<TickEventV1>(TickEventV1);
const checkKline = ajv.compile<KlineEventV1>(KlineEventV1);

export type ParseResult<T> = { ok: true; event: T } | { ok: false; reason: string };

function parse<T>(value: string, check: { (v: unknown): v is T; errors?: unknown }): ParseResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (check(json)) return { ok: true, event: json };
  return { ok: false, reason: ajv.errorsText(check.errors as never) };
}

/**
 * A message that breaks its schema is skipped (and logged by the caller), never retried:
 * redelivering it would stall its partition forever behind one bad record.
 */
export const parseTick = (value: string) => parse<TickEventV1>(value, checkTick);
export const parseKline = (value: string) => parse<KlineEventV1>(value, checkKline);

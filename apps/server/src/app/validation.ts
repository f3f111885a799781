import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Bodies are checked strictly: no type coercion (a JSON number is not a money string) and
 * unknown fields are refused rather than silently dropped. Query strings, params and
 * headers arrive as text, so they are coerced to the declared types, but a number must be
 * written as a plain decimal (no "0x1A", " 5", "Infinity" or "1e21").
 */
function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, useDefaults: true, ...options });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Listing every problem helps a client fix a body in one go, but costs work per problem: a
 * 1 MB body of 100,000 unknown keys would keep the event loop busy for a second and answer
 * megabytes. So a body is first checked up to its first problem; only a body this small
 * (counted in values, nested ones included) is checked again for the full list.
 */
export const FULL_REPORT_MAX_VALUES = 200;

/** True when `data` holds at most `budget` values; stops counting once over. */
export function isSmall(data: unknown, budget = FULL_REPORT_MAX_VALUES): boolean {
  let left = budget;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--left < 0) return false;
    if (value !== null && typeof value === 'object') {
      for (const key in value) {
        stack.push((value as Record<string, unknown>)[key]);
        if (stack.length > left) return false;
      }
    }
  }
  return true;
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function firstThenAll(first: ValidateFunction, all: ValidateFunction): Validator {
  const validate: Validator = (data) => {
    if (first(data)) return true;
    validate.errors = isSmall(data) && !all(data) ? all.errors : first.errors;
    return false;
  };
  return validate;
}

interface PropertySchema {
  type?: string | string[];
  anyOf?: PropertySchema[];
}

function numericKind(schema: PropertySchema | undefined): 'integer' | 'number' | undefined {
  if (!schema) return undefined;
  const types = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat();
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  return undefined;
}

const PLAIN_INTEGER = /^-?\d{1,16}$/;
const PLAIN_NUMBER = /^-?\d{1,16}(\.\d{1,16})?$/;

/**
 * Ajv's coercion takes anything JavaScript's `+x` reads as a number; only plain decimals
 * within JavaScript's exact integer range are accepted here, before coercion runs.
 */
function strictNumbers(schema: { properties?: Record<string, PropertySchema> }, coerceAndCheck: ValidateFunction): Validator {
  const numeric = Object.entries(schema.properties ?? {})
    .map(([name, property]) => [name, numericKind(property)] as const)
    .filter((entry): entry is readonly [string, 'integer' | 'number'] => entry[1] !== undefined);
  const validate: Validator = (data) => {
    if (numeric.length > 0 && data !== null && typeof data === 'object') {
      for (const [name, kind] of numeric) {
        const value = (data as Record<string, unknown>)[name];
        const raws = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
        const plain = (raw: string) => (kind === 'integer' ? PLAIN_INTEGER.test(raw) && Number.isSafeInteger(Number(raw)) : PLAIN_NUMBER.test(raw));
        if (!raws.every(plain)) {
          validate.errors = [
            { instancePath: `/${name}`, schemaPath: '', keyword: 'type', params: { type: kind }, message: `must be a plain decimal ${kind === 'integer' ? 'integer' : 'number'}` },
          ];
          return false;
        }
      }
    }
    const ok = coerceAndCheck(data);
    validate.errors = coerceAndCheck.errors;
    return ok;
  };
  return validate;
}

export function registerValidation(app: FastifyInstance): void {
  const bodyFirst = makeAjv({ allErrors: false, coerceTypes: false, removeAdditional: false });
  const bodyAll = makeAjv({ allErrors: true, coerceTypes: false, removeAdditional: false });
  // Query strings and params are bounded by the URL length, so listing every problem is cheap.
  const textAjv = makeAjv({ allErrors: true, coerceTypes: 'array', removeAdditional: false });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return firstThenAll(bodyFirst.compile(schema), bodyAll.compile(schema));
    const check = textAjv.compile(schema);
    return httpPart === 'querystring' || httpPart === 'params' ? strictNumbers(schema as never, check) : check;
  });
}

import type { Language } from './languages';
import { tickDecimals } from './tick-decimals';

/**
 * Locale-aware number and date formatting.
 *
 * Money and quantities travel as decimal strings, and Intl.NumberFormat formats a string
 * operand exactly (ES2023 "Intl.NumberFormat v3": strings are decimals, not floats), so
 * `money("100000.123456789")` never passes through a double. Only things that are compared
 * or scaled (the choice of fraction digits, chart coordinates) go through Number.
 */
const LOCALE: Record<Language, string> = { ko: 'ko-KR', en: 'en-US' };
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[language], options);
    cache.set(key, format);
  }
  return format;
}

/** Enough digits for the price's magnitude: 64,123.45 but 0.08123 and 0.00001234. */
export function priceFractionDigits(price: string): number {
  const value = Math.abs(Number(price));
  if (value >= 1000) return 2;
  if (value >= 1) return 4;
  if (value >= 0.01) return 6;
  return 8;
}

type Decimal = `${number}` | string;
const asOperand = (value: Decimal) => value as Intl.StringNumericLiteral;

export interface Formatter {
  /** A price at the symbol's tick size ("0.00001" → always 5 decimals, so columns do not jitter). */
  price(value: Decimal, tickSize?: string): string;
  /** USDT amount with two decimals and the unit: "100,000.00 USDT". */
  money(value: Decimal): string;
  /** Signed money for P&L: "+1,234.50 USDT" / "-3.10 USDT". */
  signedMoney(value: Decimal): string;
  /** USDT to the exchange's 8 decimals, for fees and order totals: "0.07887185 USDT". */
  preciseMoney(value: Decimal): string;
  /** A signed percentage given in percent units ("2.5" → "+2.50%"). */
  percent(value: Decimal): string;
  /** An unsigned rate in percent units ("0.1" → "0.1%"). */
  percentPlain(value: Decimal): string;
  /** Short volumes: 12.3K, 4.5M (만/억 in Korean). */
  compact(value: Decimal): string;
  /** A quantity at the symbol's step size ("0.001" → 3 decimals); without one, up to 8 decimals. */
  quantity(value: Decimal, stepSize?: string): string;
  dateTime(epochMs: number): string;
  time(epochMs: number): string;
}

export function createFormatter(language: Language): Formatter {
  const locale = LOCALE[language];
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const fixed2 = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return {
    price: (value, tickSize) => {
      if (tickSize) {
        const digits = tickDecimals(tickSize);
        return numberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(asOperand(value));
      }
      const digits = priceFractionDigits(value);
      return numberFormat(language, { minimumFractionDigits: Math.min(2, digits), maximumFractionDigits: digits }).format(asOperand(value));
    },
    money: (value) => `${numberFormat(language, fixed2).format(asOperand(value))} USDT`,
    preciseMoney: (value) => `${numberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 8 }).format(asOperand(value))} USDT`,
    signedMoney: (value) => `${numberFormat(language, { ...fixed2, signDisplay: 'exceptZero' }).format(asOperand(value))} USDT`,
    percent: (value) => `${numberFormat(language, { ...fixed2, signDisplay: 'exceptZero' }).format(asOperand(value))}%`,
    percentPlain: (value) => `${numberFormat(language, { maximumFractionDigits: 4 }).format(asOperand(value))}%`,
    compact: (value) => numberFormat(language, { notation: 'compact', maximumFractionDigits: 2 }).format(asOperand(value)),
    quantity: (value, stepSize) => {
      if (!stepSize) return numberFormat(language, { maximumFractionDigits: 8 }).format(asOperand(value));
      const digits = tickDecimals(stepSize);
      return numberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(asOperand(value));
    },
    dateTime: (ms) => dateTime.format(ms),
    time: (ms) => time.format(ms),
  };
}

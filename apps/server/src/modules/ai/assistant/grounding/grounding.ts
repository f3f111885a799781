/**
 * The grounding check: every number in a reply must be one of the numbers in that turn's tool
 * results (their values, the digits inside their strings, and the arguments the tools were
 * called with), allowing the ways a reply writes them: thousands separators, rounding to the
 * places shown, a sign written as words (a loss of 12.5), and a fraction as a percentage.
 */
import type { ToolRun } from '../tools/tool.js';

export interface ReplyNumber {
  /** As written ("64,123.45", "43.21%"). */
  text: string;
  index: number;
  value: number;
  /** Decimal places shown. */
  places: number;
  percent: boolean;
}

// Not preceded by a letter, digit, "." or "_" (so "BTCUSDT", "ETH2", "v1.2" and "#x1" stay words);
// followed by anything but a digit (units attach: "0.01개", "24h").
const REPLY_NUMBER = /(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?%)?/g;

export function numbersIn(text: string): ReplyNumber[] {
  const out: ReplyNumber[] = [];
  for (const m of text.matchAll(REPLY_NUMBER)) {
    const raw = m[0];
    const percent = raw.endsWith('%');
    const digits = raw.replace(/[,%\s]/g, '');
    const dot = digits.indexOf('.');
    out.push({ text: raw, index: m.index, value: Number(digits), places: dot < 0 ? 0 : digits.length - dot - 1, percent });
  }
  return out;
}

/** Markdown list numbers ("1. ", "2) ") at the start of a line are structure, not figures. */
function isListMarker(text: string, n: ReplyNumber): boolean {
  const lineStart = text.lastIndexOf('\n', n.index - 1) + 1;
  return /^\s*$/.test(text.slice(lineStart, n.index)) && /^[.)]\s/.test(text.slice(n.index + n.text.length, n.index + n.text.length + 2));
}

export class GroundingCorpus {
  readonly #values: number[] = [];

  add(value: unknown): void {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) this.#values.push(Math.abs(value));
    } else if (typeof value === 'string') {
      for (const m of value.matchAll(/\d+(?:\.\d+)?/g)) this.#values.push(Number(m[0]));
      // A decimal string with separators in it ("1,234.5" in an error message).
      for (const m of value.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?/g)) this.#values.push(Number(m[0].replace(/,/g, '')));
    } else if (Array.isArray(value)) {
      for (const v of value) this.add(v);
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) this.add(v);
    }
  }

  static of(runs: readonly ToolRun[]): GroundingCorpus {
    const corpus = new GroundingCorpus();
    for (const run of runs) {
      corpus.add(run.arguments);
      corpus.add(run.data);
    }
    return corpus;
  }

  /** The value written with `places` decimals could be `v`: equal, or `v` rounded to those places. */
  #matches(shown: number, places: number): boolean {
    const tolerance = 0.5 * 10 ** -places + 1e-9 * Math.max(1, shown);
    return this.#values.some((v) => Math.abs(v - shown) <= tolerance);
  }

  grounded(n: ReplyNumber): boolean {
    if (this.#matches(n.value, n.places)) return true;
    // "43.21%" of a probability 0.4321, "0.1%" of a fee rate 0.001.
    return n.percent && this.#matches(n.value / 100, n.places + 2);
  }
}

export interface GroundingResult {
  ok: boolean;
  ungrounded: ReplyNumber[];
}

export function checkGrounding(text: string, corpus: GroundingCorpus): GroundingResult {
  const ungrounded = numbersIn(text).filter((n) => !isListMarker(text, n) && !corpus.grounded(n));
  return { ok: ungrounded.length === 0, ungrounded };
}

/** The reply with each unverified figure marked, e.g. "65,000 [unverified]". */
export function markUngrounded(text: string, ungrounded: readonly ReplyNumber[], marker: string): string {
  let out = text;
  for (const n of [...ungrounded].sort((a, b) => b.index - a.index)) {
    const end = n.index + n.text.length;
    out = `${out.slice(0, end)} ${marker}${out.slice(end)}`;
  }
  return out;
}

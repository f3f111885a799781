/**
 * Releases reply text to the client a sentence at a time, each sentence checked against the
 * turn's tool results first: a figure that is not in them is marked before anyone sees it.
 * A sentence ends at ". ", "! ", "? ", "다. " or a line break; a number is never cut in two,
 * because "64,123.45" has no space after its point.
 */
import type { ChatLanguage } from '@cryptosim/contracts';
import { checkGrounding, markUngrounded, type GroundingCorpus } from './grounding.js';

export const UNVERIFIED_MARK: Record<ChatLanguage, string> = { ko: '[확인되지 않은 수치]', en: '[unverified]' };

const BOUNDARY = /[.!?。]\s|\n/g;

export class GroundedStream {
  #pending = '';
  #text = '';
  #ungrounded = 0;

  constructor(
    private readonly corpus: () => GroundingCorpus,
    private readonly language: ChatLanguage,
    private readonly emit: (text: string) => void,
  ) {}

  push(text: string): void {
    this.#pending += text;
    let start = 0;
    for (const m of this.#pending.matchAll(BOUNDARY)) {
      const end = m.index + m[0].length;
      this.#release(this.#pending.slice(start, end));
      start = end;
    }
    this.#pending = this.#pending.slice(start);
  }

  finish(): void {
    if (this.#pending) this.#release(this.#pending);
    this.#pending = '';
  }

  /** Everything released so far, marks included. */
  get text(): string {
    return this.#text;
  }

  get ungroundedCount(): number {
    return this.#ungrounded;
  }

  #release(piece: string): void {
    const check = checkGrounding(piece, this.corpus());
    const out = check.ok ? piece : markUngrounded(piece, check.ungrounded, UNVERIFIED_MARK[this.language]);
    this.#ungrounded += check.ungrounded.length;
    this.#text += out;
    this.emit(out);
  }
}

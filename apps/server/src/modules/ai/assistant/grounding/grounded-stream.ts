/**
 * Releases reply text to the client a sentence at a time, each sentence checked against the
 * turn's tool results first: a figure that is not in them is marked before anyone sees it.
 * A sentence ends at ". ", "! ", "? ", "다. " or a line break; a number is never cut in two,
 * because "64,123.45" has no space after its point.
 *
 * With `holdFirstUngrounded`, the first sentence that fails is not released: it and all text
 * after it are held (`takeHeld`) so the caller can have the rest rewritten once; from then on,
 * or without the option, failing figures are marked.
 */
import type { ChatLanguage } from '@cryptosim/contracts';
import { checkGrounding, markUngrounded, type GroundingCorpus } from './grounding.js';

export const UNVERIFIED_MARK: Record<ChatLanguage, string> = { ko: '[확인되지 않은 수치]', en: '[unverified]' };

const BOUNDARY = /[.!?。]\s|\n/g;

export interface HeldText {
  /** From the first failing sentence to the end, as written. */
  text: string;
  /** The figures of that sentence no tool result holds, as written. */
  figures: string[];
}

export class GroundedStream {
  #pending = '';
  #text = '';
  #ungrounded = 0;
  #mayHold: boolean;
  #held: HeldText | undefined;

  constructor(
    private readonly corpus: () => GroundingCorpus,
    private readonly language: ChatLanguage,
    private readonly emit: (text: string) => void,
    options: { holdFirstUngrounded?: boolean } = {},
  ) {
    this.#mayHold = options.holdFirstUngrounded ?? false;
  }

  push(text: string): void {
    if (this.#held) {
      this.#held.text += text;
      return;
    }
    this.#pending += text;
    let start = 0;
    for (const m of this.#pending.matchAll(BOUNDARY)) {
      const end = m.index + m[0].length;
      if (!this.#release(this.#pending.slice(start, end))) {
        this.#held!.text += this.#pending.slice(end);
        this.#pending = '';
        return;
      }
      start = end;
    }
    this.#pending = this.#pending.slice(start);
  }

  finish(): void {
    if (this.#held) return;
    if (this.#pending) this.#release(this.#pending);
    this.#pending = '';
  }

  /** The held text, if a sentence failed; holding ends for good, so what follows is marked instead. */
  takeHeld(): HeldText | undefined {
    const held = this.#held;
    this.#held = undefined;
    this.#mayHold = false;
    return held;
  }

  /** Everything released so far, marks included. */
  get text(): string {
    return this.#text;
  }

  get ungroundedCount(): number {
    return this.#ungrounded;
  }

  /** False when the piece failed and is held instead of released. */
  #release(piece: string): boolean {
    const check = checkGrounding(piece, this.corpus());
    if (!check.ok && this.#mayHold) {
      this.#held = { text: piece, figures: check.ungrounded.map((n) => n.text) };
      return false;
    }
    const out = check.ok ? piece : markUngrounded(piece, check.ungrounded, UNVERIFIED_MARK[this.language]);
    this.#ungrounded += check.ungrounded.length;
    this.#text += out;
    this.emit(out);
    return true;
  }
}

import type { ChatLanguage } from '@cryptosim/contracts';

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;

/**
 * The language of the question: Hangul means Korean; a Latin word written in lower case means
 * English; a message of bare tickers and figures ("BTC?", "ETH 0.1") says nothing about the
 * language the user reads, so the UI's language decides.
 */
export function detectLanguage(text: string, fallback: ChatLanguage = 'en'): ChatLanguage {
  if (HANGUL.test(text)) return 'ko';
  if (/[a-z]{2,}/.test(text)) return 'en';
  return fallback;
}

import { en, type MessageKey, type Messages } from './en';
import { ko } from './ko';
import { chooseParticle, PARTICLE_PATTERN } from './korean-particle';
import type { Language } from './languages';

export const catalogs: Record<Language, Messages> = { ko, en };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const PLACEHOLDER = new RegExp(`\\{(\\w+)\\}(${PARTICLE_PATTERN.source})?`, 'g');

/**
 * Fills `{name}` placeholders; an unknown placeholder stays visible so the gap is noticed. In
 * Korean a particle pair written after a placeholder ("{asset}이(가)") becomes the one the
 * filled-in word takes.
 */
export function translate(language: Language, key: MessageKey, params?: TranslateParams): string {
  const template = catalogs[language][key];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string, pair: string | undefined) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return pair ? value + chooseParticle(value, pair) : value;
  });
}

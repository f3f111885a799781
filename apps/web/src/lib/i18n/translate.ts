import { en, type MessageKey, type Messages } from './en';
import { ko } from './ko';
import type { Language } from './languages';

export const catalogs: Record<Language, Messages> = { ko, en };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so the gap is noticed. */
export function translate(language: Language, key: MessageKey, params?: TranslateParams): string {
  const template = catalogs[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

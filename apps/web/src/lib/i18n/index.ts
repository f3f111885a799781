export { en, type MessageKey, type Messages } from './en';
export { ko } from './ko';
export { LANGUAGES, detectLanguage, isLanguage, type Language } from './languages';
export { catalogs, translate, type Translate, type TranslateParams } from './translate';
export { I18nProvider, useI18n, useT } from './i18n-provider';
export { createFormatter, priceFractionDigits, type Formatter } from './format';
export { useFormat } from './use-format';

import { useMemo } from 'react';
import { createFormatter, type Formatter } from './format';
import { useI18n } from './i18n-provider';

export function useFormat(): Formatter {
  const { language } = useI18n();
  return useMemo(() => createFormatter(language), [language]);
}

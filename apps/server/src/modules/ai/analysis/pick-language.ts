/** The summary's language from Accept-Language: Korean or English (the default), by q-value. */
export type SummaryLanguage = 'ko' | 'en';

export function pickLanguage(header: string | undefined): SummaryLanguage {
  if (!header) return 'en';
  let best: { lang: SummaryLanguage; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.split('-')[0];
    const lang = primary === 'ko' ? 'ko' : primary === 'en' ? 'en' : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('when compared, then ko and en have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const koKeys = Object.keys(ko).sort();
    expect(koKeys.filter((key) => !enKeys.includes(key)), 'keys only in ko').toEqual([]);
    expect(enKeys.filter((key) => !koKeys.includes(key)), 'keys only in en').toEqual([]);
  });

  it.each([['en', en], ['ko', ko]] as const)('when read, then no %s message is empty', (_name, catalog) => {
    const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty, 'keys with empty messages').toEqual([]);
  });

  it('when a message has placeholders, then both languages use the same ones', () => {
    const mismatched = Object.keys(en).filter((key) => {
      const k = key as keyof typeof en;
      return placeholders(en[k]).join() !== placeholders(ko[k]).join();
    });
    expect(mismatched, 'keys whose {placeholders} differ between ko and en').toEqual([]);
  });

  it('when params are given, then placeholders are filled and unknown ones stay visible', () => {
    expect(translate('en', 'status.errorCode', { code: 'NOT_FOUND' })).toBe('Error code: NOT_FOUND');
    expect(translate('ko', 'status.refreshNote', { seconds: 5 })).toBe('5초마다 갱신 · 마지막 확인 {time}');
  });
});

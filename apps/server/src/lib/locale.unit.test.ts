import { DEFAULT_LOCALE, pickLocale } from '@kefu/shared';
import { describe, expect, it } from 'vitest';

describe('pickLocale (Accept-Language)', () => {
  it('defaults to zh-CN without a usable header', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    for (const header of [undefined, null, '', ' ', '*', 'fr-FR', 'de, ja;q=0.8', ',,;']) {
      expect(pickLocale(header), String(header)).toBe('zh-CN');
    }
  });

  it('maps every Chinese and English variant to the supported locale', () => {
    for (const header of ['zh', 'zh-CN', 'zh-cn', 'zh-TW', 'zh-Hans-CN', 'ZH-HK'])
      expect(pickLocale(header), header).toBe('zh-CN');
    for (const header of ['en', 'en-US', 'en-GB', 'EN-au']) expect(pickLocale(header), header).toBe('en');
  });

  it('takes the first supported language in the header’s order', () => {
    expect(pickLocale('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale('fr-FR, en;q=0.5')).toBe('en');
  });

  it('ranks by quality, whatever the order', () => {
    expect(pickLocale('zh-CN;q=0.3, en;q=0.9')).toBe('en');
    expect(pickLocale('en;q=0.2,zh;q=0.8')).toBe('zh-CN');
    expect(pickLocale(' en ; q=0.5 , zh ; q=0.6 ')).toBe('zh-CN');
    // Equal quality keeps the header's order.
    expect(pickLocale('en;q=0.5, zh;q=0.5')).toBe('en');
  });

  it('never picks a language the client refused (q=0)', () => {
    expect(pickLocale('en;q=0')).toBe('zh-CN');
    expect(pickLocale('fr, en;q=0')).toBe('zh-CN');
    expect(pickLocale('zh;q=0, en')).toBe('en');
  });
});

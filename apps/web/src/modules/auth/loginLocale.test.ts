import { describe, expect, it } from 'vitest';
import { localeAtSignIn, rememberLoginPick, takeLoginPick } from './loginLocale';

describe('the language at sign-in', () => {
  it('a language picked on the login page wins over the profile and is saved to it', () => {
    expect(localeAtSignIn('en', 'zh-CN')).toEqual({ locale: 'en', save: true });
    expect(localeAtSignIn('zh-CN', 'en')).toEqual({ locale: 'zh-CN', save: true });
  });

  it('without a pick the profile language applies, and nothing is saved', () => {
    expect(localeAtSignIn(undefined, 'en')).toEqual({ locale: 'en', save: false });
    expect(localeAtSignIn(undefined, 'zh-CN')).toEqual({ locale: 'zh-CN', save: false });
  });

  it('a pick equal to the profile language needs no save', () => {
    expect(localeAtSignIn('en', 'en')).toEqual({ locale: 'en', save: false });
  });

  it('a pick is taken once: the next sign-in in this tab falls back to the profile', () => {
    const items = new Map<string, string>();
    const store = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
    expect(takeLoginPick(store)).toBeUndefined();
    rememberLoginPick('en', store);
    expect(takeLoginPick(store)).toBe('en');
    expect(takeLoginPick(store)).toBeUndefined();
  });
});

import type { Locale } from '@kefu/shared';
import { isLocale } from '../../i18n';

/**
 * A language picked on the login page, until the sign-in that follows. Kept in this tab's
 * sessionStorage (a reload of the login page keeps it; another person's later sign-in on a shared
 * browser, in a new tab, does not inherit it) and taken — read and forgotten — at sign-in.
 */
const PICK_KEY = 'kefu.locale.loginPick';

type PickStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function tabStore(): PickStore | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled: the pick applies to this page, not carried into the profile
  }
}

export function rememberLoginPick(locale: Locale, store: PickStore | undefined = tabStore()): void {
  try {
    store?.setItem(PICK_KEY, locale);
  } catch {
    // quota or private mode: as above
  }
}

export function takeLoginPick(store: PickStore | undefined = tabStore()): Locale | undefined {
  try {
    const value = store?.getItem(PICK_KEY);
    store?.removeItem(PICK_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language of a sign-in: one picked on the login page wins over the profile's and is saved to
 * the profile (`save`); without a pick the profile's applies.
 */
export function localeAtSignIn(picked: Locale | undefined, saved: Locale): { locale: Locale; save: boolean } {
  if (picked && picked !== saved) return { locale: picked, save: true };
  return { locale: saved, save: false };
}

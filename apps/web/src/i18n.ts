import { DEFAULT_LOCALE, LOCALES, type Locale } from '@kefu/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** One namespace per domain; `scripts/check-i18n.mjs` verifies both languages have the same keys. */
export const NAMESPACES = [
  'common',
  'menu',
  'auth',
  'users',
  'departments',
  'roles',
  'audit',
  'jobs',
  'home',
  'customers',
  'handover',
  'phrases',
  'tickets',
  'ticketSettings',
  'agents',
  'improvementMeasures',
  'ticketReports',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const LOCALE_STORAGE_KEY = 'kefu.locale';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export function buildResources(): Resource {
  const resources: Resource = {};
  for (const [file, content] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    const [, locale, ns] = match;
    resources[locale] = { ...resources[locale], [ns]: content as Record<string, string> };
  }
  return resources;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function readStoredLocale(): Locale | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
}

function syncSideEffects(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = i18n.t('common:appName');
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  // Before /auth/me answers: the last choice on this browser, else Chinese. The user's saved
  // locale replaces it once known (see useLocaleSync).
  lng: readStoredLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: [...NAMESPACES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
syncSideEffects(currentLocale());

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switches the UI language at once (i18n, dayjs, <html lang>) and remembers it on this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  syncSideEffects(locale);
}

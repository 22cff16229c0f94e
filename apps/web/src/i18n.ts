import { DEFAULT_LOCALE, LOCALES, type Locale } from '@kefu/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { type BackendModule, type CustomTypeOptions, type Resource, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MODULES } from './modules';
import { moduleNamespaces } from './webModule';

/** Every namespace, as typed in i18next.d.ts (the zh-CN files). */
export type Namespace = keyof CustomTypeOptions['resources'];

/**
 * The shell's namespaces and every module's (its manifest's `namespaces`, modules/index.ts);
 * `scripts/check-i18n.mjs` verifies both languages have the same keys, locales.test.ts that every
 * file is listed here and typed.
 */
export const NAMESPACES: readonly Namespace[] = ['common', 'menu', ...moduleNamespaces(MODULES)];

export const LOCALE_STORAGE_KEY = 'kefu.locale';

type Messages = Record<string, unknown>;

/**
 * What the login page and the error pages need is in the entry chunk (both languages); every other
 * namespace is its own small chunk, loaded by the signed-in shell (`loadAllNamespaces`, started
 * together with the shell's chunk) or on first use. Keeps ~20 KB (compressed) off the login page.
 */
export const BUNDLED_NAMESPACES = ['common', 'auth'] as const satisfies readonly Namespace[];
const bundledFiles = import.meta.glob<Messages>('./locales/*/{common,auth}.json', { eager: true, import: 'default' });
/** `locales/<lang>.bundle.ts`: the other namespaces of one language, one chunk each. */
const languageBundles = import.meta.glob<Record<string, Messages>>('./locales/*.bundle.ts', { import: 'default' });

function parseFile(file: string): { locale: string; ns: string } | undefined {
  const match = /\/([^/]+)\/([^/]+)\.json$/.exec(file);
  return match?.[1] && match[2] ? { locale: match[1], ns: match[2] } : undefined;
}

function addFiles(resources: Resource, files: Record<string, Messages>): Resource {
  for (const [file, content] of Object.entries(files)) {
    const parsed = parseFile(file);
    if (parsed) resources[parsed.locale] = { ...resources[parsed.locale], [parsed.ns]: content };
  }
  return resources;
}

function loadLanguage(locale: string): Promise<Record<string, Messages>> {
  const load = languageBundles[`./locales/${locale}.bundle.ts`];
  return load ? load() : Promise.reject(new Error(`no translations for ${locale}`));
}

/** Every namespace of every language, bundled or not (locales.test.ts checks that none is missing). */
export async function loadAllResources(): Promise<Resource> {
  const resources = addFiles({}, bundledFiles);
  for (const locale of LOCALES) addFiles(resources, await loadLanguage(locale));
  return resources;
}

/** An i18next backend over the language bundles above. */
const lazyNamespaces: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    loadLanguage(language).then(
      (files) => {
        const messages = files[`./${language}/${namespace}.json`];
        if (messages) callback(null, messages as ResourceKey);
        else callback(new Error(`no translations for ${language}/${namespace}`), false);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

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

void i18n
  .use(initReactI18next)
  .use(lazyNamespaces)
  .init({
    resources: addFiles({}, bundledFiles),
    // The bundled namespaces are there at once (no flash of keys on the login page); others load.
    partialBundledLanguages: true,
    // Before /auth/me answers: the last choice on this browser, else Chinese. The user's saved
    // locale replaces it once known (see useLocaleSync).
    lng: readStoredLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: [...BUNDLED_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
syncSideEffects(currentLocale());

/**
 * Loads every namespace of the current language (and the fallback); the shell waits for it, so the
 * pages behind it find their strings at once, as when everything was bundled. i18next then loads
 * them all again on a language switch before it switches.
 */
export function loadAllNamespaces(): Promise<void> {
  return i18n.loadNamespaces([...NAMESPACES]);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switches the UI language at once (i18n, dayjs, <html lang>) and remembers it on this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  syncSideEffects(locale);
}

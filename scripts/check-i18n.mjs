#!/usr/bin/env node
/**
 * Checks the web app's translations: every namespace exists in every required locale, and all
 * locales of a namespace have exactly the same (deep) key set, string values, and the same
 * {{placeholders}}. Prints what is wrong per file and exits 1 on any problem.
 *
 *   node scripts/check-i18n.mjs                  # checks apps/web/src/locales
 *   node scripts/check-i18n.mjs --dir <path>     # checks another locales folder (used by tests)
 *
 * Keys USED in code are checked by TypeScript instead (apps/web/src/i18next.d.ts types `t()`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIRED_LOCALES = ['zh-CN', 'en'];
const REFERENCE_LOCALE = 'zh-CN';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dirFlag = process.argv.indexOf('--dir');
const localesDir =
  dirFlag !== -1 && process.argv[dirFlag + 1]
    ? resolve(process.argv[dirFlag + 1])
    : join(repoRoot, 'apps/web/src/locales');

const show = (path) => relative(process.cwd(), path) || path;

/** Leaf paths of a JSON object → their values (`{ a: { b: 'x' } }` → `a.b`). */
function leaves(value, prefix = '', out = new Map()) {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const placeholders = (text) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const problems = [];
const report = (file, lines) => problems.push({ file, lines });

if (!existsSync(localesDir)) {
  console.error(`check-i18n: ${show(localesDir)} does not exist.`);
  process.exit(1);
}

const locales = readdirSync(localesDir).filter((name) => statSync(join(localesDir, name)).isDirectory());
for (const locale of REQUIRED_LOCALES) {
  if (!locales.includes(locale)) report(join(localesDir, locale), [`required locale folder "${locale}" is missing`]);
}
const others = locales.filter((l) => l !== REFERENCE_LOCALE).sort();
const ordered = locales.includes(REFERENCE_LOCALE) ? [REFERENCE_LOCALE, ...others] : others;

const namespaces = new Set();
for (const locale of locales) {
  for (const file of readdirSync(join(localesDir, locale))) {
    if (file.endsWith('.json')) namespaces.add(file.slice(0, -'.json'.length));
  }
}

for (const ns of [...namespaces].sort()) {
  /** @type {Map<string, Map<string, unknown>>} */
  const byLocale = new Map();
  for (const locale of ordered) {
    const file = join(localesDir, locale, `${ns}.json`);
    if (!existsSync(file)) {
      report(file, [`namespace "${ns}" is missing for ${locale}`]);
      continue;
    }
    try {
      const keys = leaves(JSON.parse(readFileSync(file, 'utf8')));
      const bad = [...keys].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      if (bad.length > 0)
        report(
          file,
          bad.map(([k]) => `${k}: value must be a non-empty string`),
        );
      byLocale.set(locale, keys);
    } catch (error) {
      report(file, [`invalid JSON: ${error instanceof Error ? error.message : String(error)}`]);
    }
  }

  // Every locale must have every key that any other locale has.
  const allKeys = new Set([...byLocale.values()].flatMap((keys) => [...keys.keys()]));
  for (const [locale, keys] of byLocale) {
    const file = join(localesDir, locale, `${ns}.json`);
    const missing = [...allKeys].filter((key) => !keys.has(key)).sort();
    if (missing.length > 0) {
      const where = [...byLocale.keys()].filter((l) => l !== locale).map((l) => `${l}/${ns}.json`);
      report(file, [
        `missing ${missing.length} key(s) present in ${where.join(', ')}:`,
        ...missing.map((k) => `  - ${k}`),
      ]);
    }
  }

  // The same {{placeholders}} in every language, or interpolation silently breaks.
  const reference = byLocale.get(REFERENCE_LOCALE);
  if (!reference) continue;
  for (const [locale, keys] of byLocale) {
    if (locale === REFERENCE_LOCALE) continue;
    const mismatched = [];
    for (const [key, value] of keys) {
      const ref = reference.get(key);
      if (typeof ref !== 'string' || typeof value !== 'string') continue;
      const [a, b] = [placeholders(ref).join(','), placeholders(value).join(',')];
      if (a !== b) mismatched.push(`  - ${key}: {{${a}}} in ${REFERENCE_LOCALE}, {{${b}}} in ${locale}`);
    }
    if (mismatched.length > 0) report(join(localesDir, locale, `${ns}.json`), ['placeholders differ:', ...mismatched]);
  }
}

if (problems.length > 0) {
  for (const { file, lines } of problems) {
    console.error(`${show(file)}:`);
    for (const line of lines) console.error(`  ${line}`);
  }
  console.error(`check-i18n: ${problems.length} problem(s) found.`);
  process.exit(1);
}
console.log(`check-i18n: ${namespaces.size} namespaces × ${locales.length} locales, keys match.`);

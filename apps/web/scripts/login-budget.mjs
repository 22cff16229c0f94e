#!/usr/bin/env node
/**
 * Build check: the login page (the entry chunk + the login page's chunk and everything they import,
 * JS and CSS) must stay under 200 KB (200,000 bytes) as the server sends it (Brotli, the .br files written by the
 * build's precompress step). Run after `vite build` (`npm run build -w apps/web` does); exits 1 over
 * budget. `--dist <dir>` checks another build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOGIN_BUDGET_BYTES = 200_000;
export const LOGIN_PAGE_SOURCE = 'src/modules/auth/LoginPage.tsx';

/** The files a route loads: the given manifest entries and their static imports, with their CSS. */
export function routeFiles(manifest, keys) {
  const seen = new Set();
  const files = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/** Bytes of each file as stored and as sent with Brotli / gzip (the plain size when no variant exists). */
export function fileSizes(dist, file) {
  const full = path.join(dist, file);
  const size = (suffix) => (existsSync(full + suffix) ? statSync(full + suffix).size : statSync(full).size);
  return { file, raw: statSync(full).size, br: size('.br'), gzip: size('.gz') };
}

export function loginPageSizes(dist) {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
  const files = routeFiles(manifest, ['index.html', LOGIN_PAGE_SOURCE]).map((file) => fileSizes(dist, file));
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, raw: total('raw'), br: total('br'), gzip: total('gzip') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--dist');
  const dist = path.resolve(at > 0 ? process.argv[at + 1] : fileURLToPath(new URL('../dist', import.meta.url)));
  const sizes = loginPageSizes(dist);
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  const line = `login page: ${sizes.files.length} files, ${kb(sizes.raw)} raw, ${kb(sizes.br)} brotli, ${kb(sizes.gzip)} gzip (budget ${kb(LOGIN_BUDGET_BYTES)} brotli)`;
  if (sizes.br > LOGIN_BUDGET_BYTES) {
    console.error(`✗ ${line}`);
    for (const f of sizes.files.sort((a, b) => b.br - a.br)) console.error(`  ${kb(f.br).padStart(9)}  ${f.file}`);
    process.exit(1);
  }
  console.log(`✓ ${line}`);
}

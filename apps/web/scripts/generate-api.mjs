#!/usr/bin/env node
/**
 * Generates `src/api/generated.ts` from the server's OpenAPI document with openapi-typescript.
 *
 *   node scripts/generate-api.mjs            # write src/api/generated.ts
 *   node scripts/generate-api.mjs --check    # exit 1 if generated.ts is missing or stale (CI)
 *   --input <openapi.json> --output <file>   # other paths (tests, experiments)
 *
 * biome.json excludes generated.ts, so the file stays exactly as written here and `--check` is stable.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(webDir, '../..');
const args = process.argv.slice(2);
const flag = (name) => {
  const index = args.indexOf(name);
  return index !== -1 ? args[index + 1] : undefined;
};
const check = args.includes('--check');
const input = resolve(flag('--input') ?? resolve(repoRoot, 'apps/server/openapi.json'));
const output = resolve(flag('--output') ?? resolve(webDir, 'src/api/generated.ts'));
const show = (path) => relative(process.cwd(), path) || path;

if (!existsSync(input)) {
  if (check) {
    console.log(`api:check: ${show(input)} does not exist yet; nothing to compare (skipped).`);
    process.exit(0);
  }
  console.error(
    `api:generate: ${show(input)} not found.\n` +
      'The server writes it (npm run openapi -w apps/server); until then the web app uses the ' +
      'hand-written src/api/schema.ts.',
  );
  process.exit(1);
}

const ast = await openapiTS(pathToFileURL(input), { silent: true });
const fresh = `${COMMENT_HEADER}${astToString(ast)}`;

if (check) {
  const current = existsSync(output) ? readFileSync(output, 'utf8') : undefined;
  if (current === fresh) {
    console.log(`api:check: ${show(output)} is up to date.`);
    process.exit(0);
  }
  console.error(
    `api:check: ${show(output)} is ${current === undefined ? 'missing' : 'stale'}; ` +
      'run `npm run api:generate -w apps/web` and commit the result.',
  );
  process.exit(1);
}

writeFileSync(output, fresh);
console.log(`api:generate: wrote ${show(output)} from ${show(input)}.`);

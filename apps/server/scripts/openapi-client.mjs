#!/usr/bin/env node
/**
 * Proves that a mainstream generator makes a working client of the API: generates a TypeScript
 * fetch client (SDK + types) from apps/server/openapi.json with @hey-api/openapi-ts into a temporary
 * directory and type-checks it strictly. Offline: the document is passed as an object.
 *
 *   node scripts/openapi-client.mjs                  # exit 1 if generation or type-check fails
 *   node scripts/openapi-client.mjs --keep <dir>     # generate into <dir> and keep it
 *   --input <openapi.json>                           # another document (experiments)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import ts from 'typescript';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const index = args.indexOf(name);
  return index !== -1 ? resolve(args[index + 1] ?? name.slice(2)) : undefined;
};
const keep = flag('--keep');
const input = flag('--input') ?? join(serverDir, 'openapi.json');
const output = keep ?? mkdtempSync(join(tmpdir(), 'kefu-openapi-client-'));
const document = JSON.parse(readFileSync(input, 'utf8'));

try {
  await createClient({
    input: document,
    output,
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent', file: false },
  });
  const files = readdirSync(output, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(output, file));
  if (!files.some((file) => file.endsWith('sdk.gen.ts')))
    throw new Error(`openapi:client: no SDK generated in ${output}`);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    noEmit: true,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => output, getNewLine: () => '\n' };
    console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    console.error(`openapi:client: the generated client does not compile (${diagnostics.length} errors).`);
    process.exitCode = 1;
  } else {
    const sdk = readFileSync(join(output, 'sdk.gen.ts'), 'utf8');
    const operations = sdk.match(/^export const \w+ = /gm)?.length ?? 0;
    console.log(`openapi:client: @hey-api/openapi-ts client (${operations} operations) compiles.`);
  }
} finally {
  if (!keep) rmSync(output, { recursive: true, force: true });
}

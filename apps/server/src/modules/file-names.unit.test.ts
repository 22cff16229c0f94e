import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

/** Every .ts file under src/, relative. */
function files(dir = SRC): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? files(path.join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [path.join(dir, entry.name)]
          : [],
    )
    .map((file) => path.relative(SRC, file));
}

const WORD = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** CODE_STYLE.md, "Files and names": `<subject>.<role>.ts` or `<subject>.ts`, kebab-case, then a test suffix. */
const NAME = new RegExp(`^${WORD}(?:\\.${WORD})?(?:\\.unit\\.test|\\.test|\\.test-setup)?\\.ts$`);

describe('file names (CODE_STYLE.md)', () => {
  it('names every server file <subject>.<role>.ts or <subject>.ts', () => {
    const wrong = files().filter((file) => !NAME.test(path.basename(file)));
    expect(wrong).toEqual([]);
  });

  it('gives every module and sub-domain folder its manifest <folder>.module.ts', () => {
    const modules = path.join(SRC, 'modules');
    const missing: string[] = [];
    for (const entry of fs.readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(modules, entry.name);
      const subdomains = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
      for (const folder of [dir, ...subdomains.map((e) => path.join(dir, e.name))]) {
        const manifest = path.join(folder, `${path.basename(folder)}.module.ts`);
        if (!fs.existsSync(manifest)) missing.push(path.relative(SRC, manifest));
      }
    }
    expect(missing).toEqual([]);
  });
});

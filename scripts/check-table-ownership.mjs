// Table ownership in hand-written SQL (issue 11, CODE_STYLE.md "Modules and boundaries"): a module
// queries only its own tables. dependency-cruiser (`.dependency-cruiser.cjs`) sees imports only; this
// check reads the SQL text. Each table (`pgTable('name', …)` in `modules/<m>/**/*.tables.ts`, platform
// tables in `db/schema/*.ts`) belongs to its module folder; a module's non-test `.ts` file that names
// another owner's table in SQL text fails the check, listed as file:line.
//   - `sql`-tagged template text (interpolations `${…}` skipped): FROM/JOIN/UPDATE/INTO/DELETE FROM
//     <table> (any case) and `<table>.<column>`;
//   - any other string or template literal: the same keywords in upper case (`FROM users`).
// Write `${table}` / the owner's exported expressions (`userNameSql(col)`) instead.
// Usage: node scripts/check-table-ownership.mjs [root]   (root: the repository, default this one)
// A deliberate violation: apps/server/test/boundaries/fixture (test src/modules/boundaries.unit.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLATFORM = '(platform)';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function isTest(path) {
  return /\.(unit\.)?test(-setup)?\.ts$/.test(path) || /\.spec\.ts$/.test(path);
}

/** The module folder of a file under `modules/` (null for `modules/index.ts` and platform files). */
function moduleOf(srcDir, path) {
  const parts = relative(srcDir, path).split(sep);
  if (parts[0] !== 'modules' || parts.length < 3) return null;
  return parts[1];
}

/** table name → owner (module folder, or PLATFORM for db/schema). */
export function tableOwners(srcDir) {
  const owners = new Map();
  const declared = (path, owner) => {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/pgTable\(\s*['"`]([A-Za-z0-9_]+)['"`]/g)) owners.set(m[1], owner);
  };
  const modulesDir = join(srcDir, 'modules');
  for (const path of walk(modulesDir)) {
    if (path.endsWith('.tables.ts')) declared(path, moduleOf(srcDir, path));
  }
  const schemaDir = join(srcDir, 'db', 'schema');
  for (const path of walk(schemaDir)) {
    if (!path.endsWith(`${sep}index.ts`)) declared(path, PLATFORM);
  }
  return owners;
}

/**
 * The literal text of a TypeScript source: `{ text, line, sqlTag }` for each string literal and each
 * template-literal chunk between interpolations (comments and code skipped).
 */
export function literals(source) {
  const out = [];
  let i = 0;
  let line = 1;
  const n = source.length;
  // Stack of contexts: 'code' (brace depth counted) inside `${…}`, to return to the template.
  const stack = [];
  let braceDepth = 0;
  let tagged = false; // the template being read is sql-tagged

  const readTemplate = (isSql) => {
    // i is just after the opening backtick, or just after a closing `}` of an interpolation.
    let text = '';
    const start = line;
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        text += source.slice(i, i + 2);
        if (source[i + 1] === '\n') line++;
        i += 2;
        continue;
      }
      if (c === '`') {
        i++;
        out.push({ text, line: start, sqlTag: isSql });
        return 'end';
      }
      if (c === '$' && source[i + 1] === '{') {
        i += 2;
        out.push({ text, line: start, sqlTag: isSql });
        return 'interp';
      }
      if (c === '\n') line++;
      text += c;
      i++;
    }
    out.push({ text, line: start, sqlTag: isSql });
    return 'end';
  };

  const enterTemplate = (isSql) => {
    const r = readTemplate(isSql);
    if (r === 'interp') {
      stack.push({ braceDepth, isSql });
      braceDepth = 0;
    }
  };

  while (i < n) {
    const c = source[i];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let text = '';
      const start = line;
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          text += source.slice(i, i + 2);
          i += 2;
          continue;
        }
        text += source[i];
        i++;
      }
      i++;
      out.push({ text, line: start, sqlTag: false });
      continue;
    }
    if (c === '`') {
      // sql`…`, sql<T>`…`, sql.raw(`…`) count as SQL; any other template only by upper-case keywords.
      const before = source.slice(Math.max(0, i - 200), i);
      tagged = /\bsql\s*(<[^`;]*>)?\s*$/.test(before) || /\bsql\.raw\(\s*$/.test(before);
      i++;
      enterTemplate(tagged);
      continue;
    }
    if (c === '{') {
      braceDepth++;
      i++;
      continue;
    }
    if (c === '}') {
      if (braceDepth === 0 && stack.length > 0) {
        const ctx = stack.pop();
        braceDepth = ctx.braceDepth;
        i++;
        enterTemplate(ctx.isSql);
        continue;
      }
      braceDepth--;
      i++;
      continue;
    }
    i++;
  }
  return out;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The tables of `names` a piece of literal text uses in SQL: [{ table, offset }]. */
function tablesIn(text, names, sqlTag) {
  const found = [];
  for (const name of names) {
    const id = `"?${escapeRegExp(name)}"?(?![A-Za-z0-9_])`;
    const keyword = `(?<![A-Za-z0-9_])(FROM|JOIN|UPDATE|INTO)\\s+(ONLY\\s+)?${id}`;
    const patterns = sqlTag
      ? [new RegExp(keyword, 'gi'), new RegExp(`(?<![A-Za-z0-9_."])${id}\\.["A-Za-z_*]`, 'g')]
      : [new RegExp(keyword, 'g')];
    for (const re of patterns) for (const m of text.matchAll(re)) found.push({ table: name, offset: m.index });
  }
  return found;
}

/** Every use of another owner's table in a module's SQL text: ['path:line: table (owner)']. */
export function findViolations(root) {
  const srcDir = join(root, 'apps', 'server', 'src');
  const owners = tableOwners(srcDir);
  const names = [...owners.keys()];
  const violations = [];
  for (const path of walk(join(srcDir, 'modules'))) {
    const module = moduleOf(srcDir, path);
    if (module === null || isTest(path)) continue;
    const foreign = names.filter((name) => owners.get(name) !== module);
    for (const lit of literals(readFileSync(path, 'utf8'))) {
      for (const { table, offset } of tablesIn(lit.text, foreign, lit.sqlTag)) {
        const line = lit.line + (lit.text.slice(0, offset).match(/\n/g)?.length ?? 0);
        violations.push(`${relative(root, path)}:${line}: table "${table}" belongs to ${owners.get(table)}`);
      }
    }
  }
  return [...new Set(violations)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
  const violations = findViolations(root);
  if (violations.length > 0) {
    console.error(`A module names another module's table in SQL (write the owner's exported SQL helpers):`);
    for (const v of violations) console.error(`  ${v}`);
    process.exit(1);
  }
  console.log('table ownership: no module names another module’s table in SQL');
}

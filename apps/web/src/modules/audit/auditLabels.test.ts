import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { AUDIT_ACTIONS, actionLabel, ENTITY_TYPES, entityTypeLabel } from './auditLabels';

/**
 * Guard: every audit action code and entity type the server writes has a label here (issue 14: no
 * raw event code on screen). Reads apps/server/src: `action: '<a>.<b>'` literals (ternaries too),
 * `entityType: '<x>'` literals, and the two dynamic forms the server uses — keyed reference data
 * (lib/keyed-settings.ts: `${kind.entity}.created|updated|${result}`) and `<x>.${result}` with
 * result 'deleted' | 'deactivated'. Any other computed code fails, so it must be written as a literal.
 */
const serverSrc = fileURLToPath(new URL('../../../../server/src', import.meta.url));
const localeFile = (locale: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../locales/${locale}/audit.json`, import.meta.url)), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !/\.test(-setup)?\.ts$/.test(name) ? [path] : [];
  });
}

const DELETE_RESULTS = ['deleted', 'deactivated'];

function scanServer() {
  const files = sourceFiles(serverSrc).map((path) => ({
    path: relative(serverSrc, path),
    text: readFileSync(path, 'utf8'),
  }));
  const keyedEntities = files.flatMap(({ text }) =>
    [...text.matchAll(/\bentity: '([a-z_]+)',\s*notFound:/g)].map((m) => m[1] as string),
  );
  const actions = new Set<string>();
  const entityTypes = new Set<string>(keyedEntities);
  const unreadable: string[] = [];
  for (const { path, text } of files) {
    for (const m of text.matchAll(/\baction:\s*((?:[^,'`\n]|'[^'\n]*')*)/g)) {
      for (const code of (m[1] as string).matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(code[1] as string);
    }
    for (const m of text.matchAll(/\baction:\s*`([^`]*)`/g)) {
      const template = m[1] as string;
      if (!template.replace(/\$\{[^}]*\}/g, '').includes('.')) continue; // ticket history (`transition:${…}`)
      const parts = /^(\$\{kind\.entity\}|[a-z_]+)\.(\$\{result\}|[a-z_]+)$/.exec(template);
      if (!parts) {
        unreadable.push(`${path}: ${template}`);
        continue;
      }
      // The pattern admits only these two placeholders.
      const expand = (part: string) =>
        part.startsWith('$') ? (part.includes('kind.entity') ? keyedEntities : DELETE_RESULTS) : [part];
      for (const a of expand(parts[1] as string)) for (const b of expand(parts[2] as string)) actions.add(`${a}.${b}`);
    }
    for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/g)) entityTypes.add(m[1] as string);
  }
  return { actions: [...actions].sort(), entityTypes: [...entityTypes].sort(), unreadable };
}

const label = (json: unknown, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], json);

describe('audit labels', () => {
  const server = scanServer();

  it('reads every audit action code the server writes (no computed codes it cannot expand)', () => {
    expect(server.unreadable).toEqual([]);
    expect(server.actions.length).toBeGreaterThan(100);
  });

  it('labels every action code and entity type the server writes, in zh-CN and en', () => {
    expect(server.actions.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    expect(server.entityTypes.filter((e) => !(ENTITY_TYPES as readonly string[]).includes(e))).toEqual([]);
    for (const locale of ['zh-CN', 'en']) {
      const json = localeFile(locale);
      const missing = [
        ...AUDIT_ACTIONS.filter((a) => typeof label(json, `actions.${a}`) !== 'string').map((a) => `actions.${a}`),
        ...ENTITY_TYPES.filter((e) => typeof label(json, `entityTypes.${e}`) !== 'string').map(
          (e) => `entityTypes.${e}`,
        ),
      ];
      expect(missing, locale).toEqual([]);
    }
  });

  it('shows a generic label, never the raw code, for a code it does not know', async () => {
    await i18n.loadLanguages('en');
    const t = i18n.getFixedT('zh-CN', 'audit');
    expect(actionLabel(t, 'customer.listed')).toBe('查询客户列表');
    expect(actionLabel(t, 'future.thing_done')).toBe('其他操作');
    expect(entityTypeLabel(t, 'future_entity')).toBe('其他对象');
    expect(actionLabel(i18n.getFixedT('en', 'audit'), 'future.thing_done')).toBe('Other action');
  });
});

import fs from 'node:fs';
import { ERROR_CODES, isPermission, PERMISSIONS } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../src/events/aggregates.js';
import { durableListenerNames } from '../src/events/outbox.js';
import { resolveRecordAudiences } from '../src/lib/data-scope.js';
import {
  allAudiences,
  allJobs,
  allListeners,
  collect,
  type ModuleManifest,
  moduleRegistry,
  withParts,
} from '../src/lib/module.js';
import { MODULES } from '../src/modules/index.js';
import { createTestApp, type TestApp } from './helpers.js';

/** Each value of `list` with how many times it occurs, for those that do not occur exactly once. */
function notOnce<T>(catalog: readonly T[], declared: readonly T[]): Record<string, number> {
  const counts = new Map<T, number>(catalog.map((v) => [v, 0]));
  for (const value of declared) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n !== 1).map(([v, n]) => [String(v), n]));
}

describe('the module list', () => {
  it('owns every permission, error code and event of the catalogs exactly once', () => {
    expect(notOnce(PERMISSIONS, collect(MODULES, 'permissions')), 'permissions not declared exactly once').toEqual({});
    expect(notOnce(ERROR_CODES, collect(MODULES, 'errors')), 'error codes not declared exactly once').toEqual({});
    expect(notOnce(EVENT_NAMES, collect(MODULES, 'events')), 'events not declared exactly once').toEqual({});
  });

  it('is all app.ts imports of the modules', () => {
    const source = fs.readFileSync(new URL('../src/app.ts', import.meta.url), 'utf8');
    const fromModules = [...source.matchAll(/from '(\.\/modules\/[^']+)'/g)].map((match) => match[1]);
    expect(fromModules).toEqual(['./modules/index.js']);
  });

  it('has one manifest per module name, each part named after its module', () => {
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const module of MODULES) {
      for (const part of withParts(module).slice(1)) expect(part.name.startsWith(`${module.name}/`)).toBe(true);
    }
    for (const name of ['tickets', 'customers']) {
      expect(MODULES.find((m) => m.name === name)?.parts?.length, `${name} is made of sub-domains`).toBeGreaterThan(4);
    }
  });

  it('refuses a permission, error code or event declared by two modules', () => {
    const a: ModuleManifest = { name: 'a', errors: ['conflict'] };
    const b: ModuleManifest = { name: 'b', parts: [{ name: 'b/x', errors: ['conflict'] }] };
    expect(() => moduleRegistry([a, b])).toThrow(/conflict.*a and b/);
    expect(() => moduleRegistry([{ name: 'c', events: ['user.created', 'user.created'] }])).toThrow();
    expect(() =>
      allAudiences([
        { name: 'd', audiences: { x: async () => new Map() } },
        { name: 'e', audiences: { x: async () => new Map() } },
      ]),
    ).toThrow(/"x"/);
  });
});

describe('the app, built from the module list', () => {
  let t: TestApp;
  let spec: { tags?: { name: string }[]; paths: Record<string, Record<string, { tags?: string[] }>> };
  beforeAll(async () => {
    t = await createTestApp();
    spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => t?.close());

  /** `METHOD /path` of every API route but the document itself (HEAD routes are Fastify's copies of GET). */
  const apiRoutes = () =>
    [...t.app.routeAccess.keys()].filter(
      (key) => !key.startsWith('HEAD ') && key.split(' ')[1]?.startsWith('/api/') && key !== 'GET /api/openapi.json',
    );

  it('registers every API route from exactly one manifest, under a prefix that manifest declares', () => {
    expect(t.app.modules.modules).toBe(MODULES);
    const orphans = apiRoutes().filter((key) => !t.app.routeModules.has(key));
    expect(orphans, 'routes registered outside the module list').toEqual([]);
    const misplaced: string[] = [];
    for (const [key, owner] of t.app.routeModules) {
      const module = MODULES.find((m) => m.name === owner);
      const prefixes = collect(module ? [module] : [], 'routes').map((r) => r.prefix);
      const url = key.split(' ')[1] ?? '';
      if (!prefixes.some((prefix) => url === prefix || url.startsWith(`${prefix}/`)))
        misplaced.push(`${key} (${owner})`);
    }
    expect(misplaced).toEqual([]);
    // Every module with routes registered some, and the routes were counted per module.
    const owners = new Set(t.app.routeModules.values());
    const withRoutes = MODULES.filter((m) => collect([m], 'routes').length > 0).map((m) => m.name);
    expect([...owners].sort()).toEqual([...withRoutes].sort());
  });

  it('asks only for permissions some manifest declares', () => {
    const declared = new Set(t.app.modules.permissions.keys());
    const unknown = [...t.app.routeModules.keys()]
      .map((key) => [key, t.app.routeAccess.get(key)] as const)
      .filter(([, access]) => access && isPermission(access) && !declared.has(access));
    expect(unknown).toEqual([]);
  });

  it('documents every module route with its module as the one OpenAPI tag, so the permission matrix covers it', () => {
    const documented = new Map<string, string[]>();
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        documented.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, operation.tags ?? []);
      }
    }
    const wrong: string[] = [];
    for (const [key, owner] of t.app.routeModules) {
      if (key.startsWith('HEAD ')) continue;
      const tags = documented.get(key);
      if (!tags) wrong.push(`${key}: not in the document`);
      else if (tags.length !== 1 || tags[0] !== owner) wrong.push(`${key}: tags ${tags.join(',')} ≠ ${owner}`);
    }
    expect(wrong).toEqual([]);
    const tagNames = (spec.tags ?? []).map((tag) => tag.name);
    expect(tagNames.sort()).toEqual([...new Set(t.app.routeModules.values())].sort());
  });

  it('lists the manifests’ permissions at GET /api/v1/permissions', async () => {
    const admin = await t.signIn('admin');
    const response = await admin.get('/api/v1/permissions');
    expect(response.statusCode).toBe(200);
    const keys = (response.json() as { items: { key: string }[] }).items.map((item) => item.key);
    expect(keys.sort()).toEqual(collect(MODULES, 'permissions').sort());
  });

  it('runs the manifests’ jobs and durable listeners, and asks their record audiences', async () => {
    expect(t.app.deps.jobs.jobNames.sort()).toEqual(
      allJobs(MODULES)
        .map((job) => job.name)
        .sort(),
    );
    const listeners = new Set(durableListenerNames());
    for (const listener of allListeners(MODULES)) expect(listeners.has(listener.name), listener.name).toBe(true);
    for (const type of allAudiences(MODULES).keys()) {
      expect(await resolveRecordAudiences(t.database.db, type, []), type).not.toBeNull();
    }
  });
});

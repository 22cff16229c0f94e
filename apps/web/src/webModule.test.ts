import { describe, expect, it } from 'vitest';
import { MODULES } from './modules';
import { appRoutes, SHELL_ROUTES } from './routes';
import { type AppRoute, buildRoutes, type ModuleRoute, moduleProblems, type WebModule, withParts } from './webModule';

const paths = (routes: AppRoute[]): string[] => routes.flatMap((r) => [r.path, ...paths(r.children ?? [])]);
const admin: ModuleRoute = { path: '/admin', order: 90, children: [] };

describe('web modules', () => {
  it('place each route under the group its path extends, ordered across modules', () => {
    const a: WebModule = {
      name: 'a',
      routes: [
        { path: '/a', order: 20 },
        { path: '/admin/a', order: 20 },
      ],
    };
    const b: WebModule = {
      name: 'b',
      routes: [{ path: '/b', order: 10, children: [] }],
      parts: [{ name: 'b/x', routes: [{ path: '/b/x', order: 1 }] }],
    };
    const c: WebModule = { name: 'c', routes: [{ path: '/admin/c', order: 10 }] };
    const routes = buildRoutes([admin], [a, b, c]);
    expect(paths(routes)).toEqual(['/b', '/b/x', '/a', '/admin', '/admin/c', '/admin/a']);
    expect(routes[0]).not.toHaveProperty('order');
  });

  it('report a path declared twice and a namespace owned twice', () => {
    const twice: WebModule = { name: 'x', routes: [{ path: '/admin', order: 1 }] };
    expect(moduleProblems([admin], [twice])).toEqual(['route /admin is declared twice']);
    const a: WebModule = { name: 'a', namespaces: ['tickets'] };
    const b: WebModule = { name: 'b', namespaces: ['tickets'] };
    expect(moduleProblems([], [a, b])).toEqual(['namespace tickets is owned by a and b']);
  });

  it('have no problem in the real module list', () => {
    expect(moduleProblems(SHELL_ROUTES, MODULES)).toEqual([]);
  });

  it('build the real route table: every route of every manifest is in it, once', () => {
    const all = paths(appRoutes);
    expect(new Set(all).size).toBe(all.length);
    const declared = MODULES.flatMap(withParts).flatMap((m) => paths([...(m.routes ?? [])]));
    for (const path of declared) expect(all).toContain(path);
  });

  it('mirror the server: tickets and customers have the server sub-domains as parts', () => {
    const parts = (name: string) => MODULES.find((m) => m.name === name)?.parts?.map((p) => p.name);
    expect(parts('tickets')).toEqual(
      ['core', 'queue', 'conversation', 'assignment', 'relations', 'measures', 'settings'].map((p) => `tickets/${p}`),
    );
    expect(parts('customers')).toEqual(
      ['archive', 'records', 'duplicates', 'grading', 'import-export', 'settings'].map((p) => `customers/${p}`),
    );
  });
});

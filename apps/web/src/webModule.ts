/**
 * A web module's manifest (`modules/<name>/<name>.module.ts`), the browser's twin of the server's
 * `lib/module.ts`: the pages it adds (with their prefetchers), where they sit in the menu, and the
 * translation namespaces it owns. The shell iterates the module list (`modules/index.ts`): the route
 * table and menu (routes.tsx → router.tsx, layouts/menu.ts) and the namespaces i18n loads (i18n.ts).
 *
 * A manifest is in the entry chunk (the router needs the route table), so it holds only data and
 * lazy pages (`page()` in routes.tsx): never a component, an icon or a translation file.
 */
import type { RouteAccess } from '@kefu/shared';
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Namespace } from './i18n';
import type menu from './locales/zh-CN/menu.json';

export type MenuKey = keyof typeof menu;

/** Starts the requests of a page's first render (TanStack `prefetchQuery`, silent, errors swallowed). */
export type Prefetcher = (queryClient: QueryClient, url: URL) => Promise<unknown>;

export type AppRoute = {
  /** Absolute path; a child's path starts with its parent's. */
  path: string;
  /** Key in the `menu` namespace: menu entry, breadcrumb and page title. */
  nameKey?: MenuKey;
  /** Omitted = any signed-in user. A permission the user lacks renders the 403 page. */
  access?: RouteAccess;
  element?: LazyPage;
  /**
   * Loads the page's prefetcher: the data the page asks for on its first render. router.tsx starts
   * loading it when the route is entered (beside `/auth/me` and the shell's and page's chunks) and
   * runs it at once, so the page's requests wait for nothing. Its queries must be silent
   * (`meta: { silent: true }`): it runs before the user is known. Keep it in the page's module and
   * import it lazily: `() => import('./prefetch').then((m) => m.prefetchX)`.
   */
  prefetch?: () => Promise<Prefetcher>;
  children?: AppRoute[];
  /** Routable and shown in breadcrumbs, but not in the side menu. */
  hideInMenu?: boolean;
};

/** A page in its own chunk; `preload` fetches the chunk before the page renders (router.tsx). */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/** A lazy page: `page(() => import('./TicketsPage'), 'TicketsPage')` — its own chunk. */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: module[name] }))),
    { preload: load },
  );
}

/**
 * A route a module contributes. It goes under the group whose path its own path extends (`/admin/users`
 * under `/admin`): a group is a contributed route with `children` (the shell's `/admin`, `/account`;
 * a module's `/tickets`); a path no group's path prefixes stays at the top of the menu.
 */
export type ModuleRoute = AppRoute & {
  /** Position among its siblings (menu, breadcrumbs), ascending; routes of different modules interleave by it. */
  order: number;
};

export type WebModule = {
  /** Folder name, as on the server (`apps/server/src/modules/<name>`). */
  name: string;
  routes?: readonly ModuleRoute[];
  /** Translation namespaces it owns: `locales/{zh-CN,en}/<namespace>.json`, loaded with the shell. */
  namespaces?: readonly Namespace[];
  /** Sub-domains (same shape), mirrored on the server — tickets/queue, customers/grading … */
  parts?: readonly WebModule[];
};

/** A manifest and its parts, depth first (the module itself first). */
export function withParts(module: WebModule): WebModule[] {
  return [module, ...(module.parts ?? []).flatMap(withParts)];
}

/** Every namespace of the modules, in module order. */
export function moduleNamespaces(modules: readonly WebModule[]): Namespace[] {
  return modules.flatMap(withParts).flatMap((m) => m.namespaces ?? []);
}

const contributions = (shell: readonly ModuleRoute[], modules: readonly WebModule[]): ModuleRoute[] => [
  ...shell,
  ...modules.flatMap(withParts).flatMap((m) => m.routes ?? []),
];

/** The path of the group a route goes under: the longest group path its path extends. */
function groupOf(route: ModuleRoute, all: readonly ModuleRoute[]): string | undefined {
  let found: string | undefined;
  for (const group of all) {
    const path = group.path;
    if (group.children && route.path.startsWith(`${path}/`) && path.length > (found?.length ?? 0)) found = path;
  }
  return found;
}

/**
 * The route tree: `shell` (routes of the shell itself, e.g. the `/admin` group) and every module
 * route, each placed under its group and sorted by `order` among its siblings. Lean on purpose
 * (it is in the entry chunk): `moduleProblems` checks the lists, run by webModule.test.ts.
 */
export function buildRoutes(shell: readonly ModuleRoute[], modules: readonly WebModule[]): AppRoute[] {
  const all = contributions(shell, modules);
  const place = (parent?: string): AppRoute[] =>
    all
      .filter((route) => groupOf(route, all) === parent)
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...route }) => {
        const added = place(route.path);
        return route.children || added.length > 0
          ? { ...route, children: [...(route.children ?? []), ...added] }
          : route;
      });
  return place();
}

/**
 * What is wrong with a module list: a path declared twice, a namespace owned by two modules.
 * Empty = fine.
 */
export function moduleProblems(shell: readonly ModuleRoute[], modules: readonly WebModule[]): string[] {
  const problems: string[] = [];
  const all = contributions(shell, modules);
  const seen = new Set<string>();
  const visit = (route: AppRoute) => {
    if (seen.has(route.path)) problems.push(`route ${route.path} is declared twice`);
    seen.add(route.path);
    route.children?.forEach(visit);
  };
  all.forEach(visit);
  const owners = new Map<string, string>();
  for (const part of modules.flatMap(withParts)) {
    for (const ns of part.namespaces ?? []) {
      const owner = owners.get(ns);
      if (owner) problems.push(`namespace ${ns} is owned by ${owner} and ${part.name}`);
      owners.set(ns, part.name);
    }
  }
  return problems;
}

/**
 * Routes AS DATA (Ant Design Pro's config/routes.ts): one table drives the router (router.tsx), the
 * ProLayout menu and breadcrumbs (layouts/menu.ts) and the access guards (RequireAccess). It is built
 * from the module list (modules/index.ts): each module's manifest brings its pages, placed at the top
 * of the menu or into the group their path extends (`/admin`, `/account` here; `/tickets` by its
 * module), by `order` among their siblings (webModule.ts).
 *
 * This table is in the entry chunk (the router needs it), so it holds only data and lazy pages:
 * every page is its own chunk, and the menu's icons are in layouts/menuIcons.tsx (by `nameKey`).
 */
import { MODULES } from './modules';
import { type AppRoute, buildRoutes, type ModuleRoute, page } from './webModule';

export type { AppRoute, LazyPage, MenuKey } from './webModule';

export const LoginPage = page(() => import('./modules/auth/LoginPage'), 'LoginPage');

/** The shell's own groups; a module's route goes under the one its path extends (`/admin/users`). */
export const SHELL_ROUTES: ModuleRoute[] = [
  { path: '/admin', order: 90, nameKey: 'admin', children: [] },
  { path: '/account', order: 100, nameKey: 'account', hideInMenu: true, children: [] },
];

export const appRoutes: AppRoute[] = buildRoutes(SHELL_ROUTES, MODULES);

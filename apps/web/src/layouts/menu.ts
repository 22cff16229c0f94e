/** Route data → ProLayout menu, filtered by access. Pure, so it is unit-tested without a DOM. */
import type { MenuDataItem } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import type { Access } from '../access';
import type { AppRoute, MenuKey } from '../routes';

export type Translate = (key: `menu:${MenuKey}`) => string;

/**
 * Keeps the routes the user may open. A group without an element of its own disappears when none
 * of its children is left, so nobody sees an empty "Administration".
 */
export function filterRoutes(routes: AppRoute[], access: Access): AppRoute[] {
  const kept: AppRoute[] = [];
  for (const route of routes) {
    if (!access.canAccess(route.access)) continue;
    if (route.children) {
      const children = filterRoutes(route.children, access);
      if (children.length === 0 && !route.element) continue;
      kept.push({ ...route, children });
    } else {
      kept.push(route);
    }
  }
  return kept;
}

/** `icons`: layouts/menuIcons.tsx (kept apart so that the entry chunk, which imports this file, has no icons). */
export function toMenuData(
  routes: AppRoute[],
  access: Access,
  t: Translate,
  icons: Partial<Record<MenuKey, ReactNode>> = {},
): MenuDataItem[] {
  return filterRoutes(routes, access).map(function toItem(route): MenuDataItem {
    return {
      path: route.path,
      key: route.path,
      name: route.nameKey ? t(`menu:${route.nameKey}`) : undefined,
      icon: route.nameKey ? icons[route.nameKey] : undefined,
      hideInMenu: route.hideInMenu,
      children: route.children?.map(toItem),
    };
  });
}

/** The first path under `route` that the user may open (for group paths like /admin). */
export function firstAccessiblePath(route: AppRoute, access: Access): string | undefined {
  if (!access.canAccess(route.access)) return undefined;
  if (route.element) return route.path;
  for (const child of route.children ?? []) {
    const path = firstAccessiblePath(child, access);
    if (path) return path;
  }
  return undefined;
}

/** Finds the route whose path is `pathname` (exact), for titles and guards. */
export function findRoute(routes: AppRoute[], pathname: string): AppRoute | undefined {
  for (const route of routes) {
    if (route.path === pathname) return route;
    const child = route.children ? findRoute(route.children, pathname) : undefined;
    if (child) return child;
  }
  return undefined;
}

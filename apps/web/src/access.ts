/**
 * Permission predicates from the current user (Ant Design Pro's `access.ts`). Pure: the menu, the
 * route guards and the pages all ask these questions, never `me.permissions` directly.
 */
import type { Permission, RouteAccess } from '@kefu/shared';

/** What access needs of the current user; `Me` satisfies it. */
export type AccessSubject = { permissions: readonly string[]; dataScope?: string } | null | undefined;

export type Access = {
  isAuthenticated: boolean;
  can: (permission: Permission) => boolean;
  canAny: (...permissions: Permission[]) => boolean;
  canAll: (...permissions: Permission[]) => boolean;
  /** A route's or a menu entry's requirement; `undefined` means "any signed-in user". */
  canAccess: (access: RouteAccess | undefined) => boolean;
};

export function createAccess(user: AccessSubject): Access {
  const granted = new Set(user?.permissions ?? []);
  const isAuthenticated = user !== null && user !== undefined;
  const can = (permission: Permission) => isAuthenticated && granted.has(permission);
  return {
    isAuthenticated,
    can,
    canAny: (...permissions) => permissions.some(can),
    canAll: (...permissions) => permissions.every(can),
    canAccess: (access) => {
      if (access === 'public') return true;
      if (access === undefined || access === 'authenticated') return isAuthenticated;
      return can(access);
    },
  };
}

import type { RouteAccess } from '@kefu/shared';
import type { ReactNode } from 'react';
import { Forbidden } from '../../layouts/exceptions/Forbidden';
import { useAccess } from './useAccess';

/** A route the user may not open shows 403 (the menu already hides it). */
export function RequireAccess({ access, children }: { access: RouteAccess | undefined; children: ReactNode }) {
  return useAccess().canAccess(access) ? children : <Forbidden />;
}

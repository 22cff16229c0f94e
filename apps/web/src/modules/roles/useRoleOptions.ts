import { DEFAULT_ROLES } from '@kefu/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { currentLocale } from '../../i18n';
import { useAccess } from '../auth/useAccess';
import { listRoles, rolesQueryKey } from './api';

/**
 * Role choices for selects. Without `roles.read` the live list is not available, so the built-in
 * roles from @kefu/shared stand in (custom roles then cannot be picked).
 */
export function useRoleOptions(): { value: string; label: string }[] {
  const canRead = useAccess().can('roles.read');
  const { data } = useQuery({ queryKey: rolesQueryKey, queryFn: listRoles, enabled: canRead });
  const locale = currentLocale();
  return useMemo(() => {
    if (data) return data.items.map((role) => ({ value: role.key, label: role.name }));
    return DEFAULT_ROLES.map((role) => ({ value: role.key, label: role.name[locale] }));
  }, [data, locale]);
}

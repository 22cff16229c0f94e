import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { departmentsQueryKey, listDepartments } from './api';
import { buildDepartmentTree } from './tree';

/** All departments the user may see, flat and as a tree. */
export function useDepartments(options: { enabled?: boolean } = {}) {
  const query = useQuery({ queryKey: departmentsQueryKey, queryFn: listDepartments, enabled: options.enabled });
  const items = query.data?.items;
  const tree = useMemo(() => buildDepartmentTree(items ?? []), [items]);
  return { ...query, items: items ?? [], tree };
}

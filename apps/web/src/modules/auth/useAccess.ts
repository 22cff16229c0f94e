import { useMemo } from 'react';
import { type Access, createAccess } from '../../access';
import { useCurrentUser } from './useCurrentUser';

export function useAccess(): Access {
  const { data } = useCurrentUser();
  return useMemo(() => createAccess(data), [data]);
}

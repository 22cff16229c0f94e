import { useQuery } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from './api';

/** GET /auth/me, shared by the whole app. `data` is null when signed out, undefined while loading. */
export function useCurrentUser() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

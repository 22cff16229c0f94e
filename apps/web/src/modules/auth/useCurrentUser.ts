import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from './api';

/** GET /auth/me as every reader asks for it (the hook below, the routes' prefetch in router.tsx). */
export const currentUserQuery = queryOptions({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

/** GET /auth/me, shared by the whole app. `data` is null when signed out, undefined while loading. */
export function useCurrentUser() {
  return useQuery(currentUserQuery);
}

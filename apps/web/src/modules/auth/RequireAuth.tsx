import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { ServerError } from '../../layouts/exceptions/ServerError';
import { loginPath } from './redirect';
import { useCurrentUser } from './useCurrentUser';

/** Everything but /login: no session → /login?redirect=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error } = useCurrentUser();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (isError) return <ServerError error={error} />;
  if (!me) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return children;
}

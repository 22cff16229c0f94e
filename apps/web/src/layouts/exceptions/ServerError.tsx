import { Suspense } from 'react';
import { useRouteError } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { lazyResult } from './lazyException';

const ServerErrorResult = lazyResult('ServerErrorResult');

export function ServerError({ error }: { error?: unknown }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <ServerErrorResult error={error} />
    </Suspense>
  );
}

/** Router `errorElement`: a render error or a failed lazy chunk lands here instead of a blank page. */
export function RouteErrorPage() {
  return <ServerError error={useRouteError()} />;
}

import { Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import { lazyResult } from './lazyException';

const NotFoundResult = lazyResult('NotFoundResult');

export function NotFound() {
  return (
    <Suspense fallback={<PageLoading />}>
      <NotFoundResult />
    </Suspense>
  );
}

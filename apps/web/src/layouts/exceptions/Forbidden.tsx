import { Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import { lazyResult } from './lazyException';

const ForbiddenResult = lazyResult('ForbiddenResult');

export function Forbidden() {
  return (
    <Suspense fallback={<PageLoading />}>
      <ForbiddenResult />
    </Suspense>
  );
}

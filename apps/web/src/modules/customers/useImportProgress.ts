import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CustomerImport } from '../../api/types';
import { getImport, importsQueryKey } from './importApi';
import { isBusy } from './importHelpers';

type Live = { processedRows: number; totalRows: number; status: string };

/**
 * Follows a running import: `customer.import_progress` events over SSE (immediate), and a poll of
 * the import record every 1.5 s (authoritative, and the fallback when the stream is unavailable).
 * Returns the latest record and the best-known progress in percent.
 */
export function useImportProgress(id: string | undefined, initial: CustomerImport | undefined) {
  const [live, setLive] = useState<Live | null>(null);
  const queryClient = useQueryClient();
  // Every answer of upload/run is the newest record: it replaces the cached one.
  useEffect(() => {
    if (id && initial) queryClient.setQueryData([...importsQueryKey, id], initial);
  }, [queryClient, id, initial]);
  const query = useQuery({
    queryKey: [...importsQueryKey, id],
    queryFn: () => getImport(id as string),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (q) => (q.state.data && isBusy(q.state.data.status) ? 1500 : false),
  });
  const cached = query.data;
  // Whichever is newer: the answer just received, or the last poll.
  const record =
    cached && initial && cached.id === initial.id && cached.updatedAt >= initial.updatedAt
      ? cached
      : (initial ?? cached);
  const busy = !!record && isBusy(record.status);

  useEffect(() => {
    if (!id || !busy || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/v1/realtime/stream', { withCredentials: true });
    source.addEventListener('customer.import_progress', (event) => {
      try {
        const { payload } = JSON.parse((event as MessageEvent<string>).data) as {
          payload: Live & { importId: string };
        };
        if (payload.importId === id) setLive(payload);
        if (payload.importId === id && !isBusy(payload.status as CustomerImport['status'])) void query.refetch();
      } catch {
        // not ours or malformed: the poll still reports
      }
    });
    return () => source.close();
  }, [id, busy, query.refetch]);

  const fromRecord = record?.progress ?? 0;
  const fromLive = live && live.totalRows > 0 ? Math.floor((live.processedRows / live.totalRows) * 100) : 0;
  return { record, busy, percent: busy ? Math.max(fromRecord, fromLive) : 100 };
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type RealtimeEvent, useRealtimeEvents } from '../../../api/realtime';
import type { CustomerImport } from '../../../api/types';
import { getImport, importsQueryKey } from './importApi';
import { isBusy } from './importHelpers';

/** The event a running import sends every N rows and once at the end (events/catalog.ts on the server). */
export const IMPORT_PROGRESS_EVENTS = ['customer.import_progress'] as const;

export type ImportProgress = {
  importId: string;
  status: CustomerImport['status'];
  processedRows: number;
  totalRows: number;
};

/** The progress an event reports for import `id`; undefined for another import or a malformed payload. */
export function importProgressOf(event: RealtimeEvent, id: string): ImportProgress | undefined {
  const { importId, status, processedRows, totalRows } = event.payload;
  if (importId !== id || typeof status !== 'string') return undefined;
  if (typeof processedRows !== 'number' || typeof totalRows !== 'number') return undefined;
  return { importId, status: status as ImportProgress['status'], processedRows, totalRows };
}

/** Percent done as the event says (0 while the row count is unknown). */
export function progressPercent(progress: ImportProgress | null): number {
  return progress && progress.totalRows > 0 ? Math.floor((progress.processedRows / progress.totalRows) * 100) : 0;
}

/**
 * Follows a running import: `customer.import_progress` events over the shared real-time stream
 * (immediate; the last one carries the final status and triggers a refetch), and a poll of the
 * import record every 1.5 s (authoritative, and the fallback when the stream is unavailable or
 * connects after a short import has already finished). Returns the latest record and the
 * best-known progress in percent.
 */
export function useImportProgress(id: string | undefined, initial: CustomerImport | undefined) {
  const [live, setLive] = useState<ImportProgress | null>(null);
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

  useRealtimeEvents(
    IMPORT_PROGRESS_EVENTS,
    (event) => {
      const progress = id ? importProgressOf(event, id) : undefined;
      if (!progress) return;
      setLive(progress);
      if (!isBusy(progress.status)) void query.refetch();
    },
    !!id && busy,
  );

  const fromRecord = record?.progress ?? 0;
  // Only what was said about this import (a restarted page may hold the previous one's).
  const fromLive = live?.importId === id ? progressPercent(live) : 0;
  return { record, busy, percent: busy ? Math.max(fromRecord, fromLive) : 100 };
}

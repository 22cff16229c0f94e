import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeEvent } from '../../../api/realtime';
import type { CustomerImport } from '../../../api/types';
import { getImport } from './importApi';
import { importProgressOf, progressPercent, useImportProgress } from './useImportProgress';

// The shared stream is replaced by a recorder: the test plays the server's events itself.
const realtime = vi.hoisted(() => ({
  calls: [] as { names: readonly string[]; onEvent: (event: RealtimeEvent) => void; enabled: boolean }[],
}));
vi.mock('../../../api/realtime', () => ({
  useRealtimeEvents: (names: readonly string[], onEvent: (event: RealtimeEvent) => void, enabled = true) => {
    realtime.calls.push({ names, onEvent, enabled });
  },
}));
vi.mock('./importApi', () => ({ importsQueryKey: ['customer-imports'], getImport: vi.fn() }));

const record = (status: CustomerImport['status'], progress = 0) =>
  ({ id: 'imp1', status, progress, updatedAt: '2026-01-01T00:00:00.000Z' }) as CustomerImport;
const progressEvent = (payload: Record<string, unknown>): RealtimeEvent => ({
  name: 'customer.import_progress',
  payload,
  actorId: 'u1',
});

type Answer = ReturnType<typeof useImportProgress>;

/** A page holding the hook: hands what it answered to `onAnswer`. */
function Probe(props: { id?: string; initial?: CustomerImport; onAnswer: (answer: Answer) => void }) {
  props.onAnswer(useImportProgress(props.id, props.initial));
  return null;
}

/** Renders a page holding the hook once; returns what it answered and the subscription it made. */
function follow(id: string | undefined, initial: CustomerImport | undefined) {
  realtime.calls = [];
  const client = new QueryClient();
  let result: Answer | undefined;
  renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <Probe id={id} initial={initial} onAnswer={(answer) => (result = answer)} />
    </QueryClientProvider>,
  );
  expect(realtime.calls.length).toBeGreaterThan(0);
  return { result, subscription: realtime.calls.at(-1) as (typeof realtime.calls)[number] };
}

describe('import progress events', () => {
  it('reads the progress of this import only, and refuses malformed payloads', () => {
    const payload = { importId: 'imp1', userId: 'u1', status: 'running', processedRows: 50, totalRows: 200 };
    expect(importProgressOf(progressEvent(payload), 'imp1')).toEqual({
      importId: 'imp1',
      status: 'running',
      processedRows: 50,
      totalRows: 200,
    });
    expect(importProgressOf(progressEvent(payload), 'imp2')).toBeUndefined();
    expect(importProgressOf(progressEvent({ ...payload, processedRows: '50' }), 'imp1')).toBeUndefined();
    expect(importProgressOf(progressEvent({ importId: 'imp1' }), 'imp1')).toBeUndefined();
  });

  it('turns rows into a percent, 0 while the row count is unknown', () => {
    const at = (processedRows: number, totalRows: number) =>
      progressPercent({ importId: 'imp1', status: 'running', processedRows, totalRows });
    expect(at(50, 200)).toBe(25);
    expect(at(199, 200)).toBe(99);
    expect(at(0, 0)).toBe(0);
    expect(progressPercent(null)).toBe(0);
  });
});

describe('useImportProgress on the shared real-time stream', () => {
  afterEach(() => vi.mocked(getImport).mockReset());

  it('listens to customer.import_progress only while the import is busy', () => {
    const running = follow('imp1', record('running', 40));
    expect(running.subscription.names).toEqual(['customer.import_progress']);
    expect(running.subscription.enabled).toBe(true);
    expect(running.result).toMatchObject({ busy: true, percent: 40 });

    expect(follow('imp1', record('queued')).subscription.enabled).toBe(true);
    const done = follow('imp1', record('completed', 100));
    expect(done.subscription.enabled).toBe(false);
    expect(done.result).toMatchObject({ busy: false, percent: 100 });
    expect(follow(undefined, undefined).subscription.enabled).toBe(false);
  });

  it('refetches the record when the last event says the import finished, not before, not for another import', async () => {
    vi.mocked(getImport).mockResolvedValue(record('completed', 100));
    const { subscription } = follow('imp1', record('running', 40));
    const event = { importId: 'imp1', userId: 'u1', processedRows: 150, totalRows: 200 };
    subscription.onEvent(progressEvent({ ...event, status: 'running' }));
    subscription.onEvent(progressEvent({ ...event, importId: 'other', status: 'completed' }));
    expect(getImport).not.toHaveBeenCalled();
    subscription.onEvent(progressEvent({ ...event, processedRows: 200, status: 'completed' }));
    await vi.waitFor(() => expect(getImport).toHaveBeenCalledWith('imp1'));
    expect(getImport).toHaveBeenCalledTimes(1);
  });
});

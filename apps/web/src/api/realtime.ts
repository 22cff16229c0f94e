/**
 * Domain events pushed over server-sent events (`GET /api/v1/realtime/stream`). Events carry ids
 * only; a page that cares refetches through the scoped API, so real time never bypasses data scope.
 * One EventSource per tab for every subscriber of this hook, opened with the first and closed with
 * the last; the browser reconnects by itself (`retry: 3000` from the server).
 */
import { useEffect, useMemo, useRef } from 'react';

export type RealtimeEvent = {
  name: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  at?: string;
};

/** Parses one SSE frame's data; undefined when it is not a domain event. */
export function parseRealtimeEvent(data: string): RealtimeEvent | undefined {
  try {
    const value = JSON.parse(data) as Partial<RealtimeEvent> | null;
    if (typeof value?.name !== 'string' || typeof value.payload !== 'object' || value.payload === null)
      return undefined;
    return { name: value.name, payload: value.payload, actorId: value.actorId ?? null, at: value.at };
  } catch {
    return undefined;
  }
}

type Subscriber = { names: ReadonlySet<string>; onEvent: (event: RealtimeEvent) => void };

const subscribers = new Set<Subscriber>();
let source: EventSource | null = null;
/** Event names the open source already listens to (SSE needs one listener per event name). */
const listening = new Set<string>();

function dispatch(frame: Event) {
  const event = parseRealtimeEvent((frame as MessageEvent<string>).data);
  if (!event) return;
  for (const subscriber of subscribers) if (subscriber.names.has(event.name)) subscriber.onEvent(event);
}

function listen(names: Iterable<string>) {
  if (typeof EventSource === 'undefined') return;
  if (!source) {
    source = new EventSource('/api/v1/realtime/stream', { withCredentials: true });
    listening.clear();
  }
  for (const name of names) {
    if (listening.has(name)) continue;
    source.addEventListener(name, dispatch);
    listening.add(name);
  }
}

function closeWhenUnused() {
  if (subscribers.size > 0) return;
  source?.close();
  source = null;
  listening.clear();
}

/**
 * Calls `onEvent` for each event named in `names` while the component is mounted (and `enabled`).
 * `names` is compared by content, so an inline array does not resubscribe on every render.
 */
export function useRealtimeEvents(names: readonly string[], onEvent: (event: RealtimeEvent) => void, enabled = true) {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const key = [...names].sort().join(',');
  useEffect(() => {
    if (!enabled || key === '') return undefined;
    const subscriber: Subscriber = { names: new Set(key.split(',')), onEvent: (event) => latest.current(event) };
    subscribers.add(subscriber);
    listen(subscriber.names);
    return () => {
      subscribers.delete(subscriber);
      closeWhenUnused();
    };
  }, [key, enabled]);
}

/**
 * Runs `fn` at most once per `waitMs`, at the end of a burst (a bulk action sends one event per
 * ticket; the page needs one refetch). Returns the trigger and a cancel for unmounting.
 */
export function coalesce(fn: () => void, waitMs: number): { trigger: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    trigger: () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, waitMs);
    },
    cancel: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Calls `refresh` once after each burst of the named events (e.g. to invalidate a list's queries). */
export function useRealtimeRefresh(names: readonly string[], refresh: () => void, waitMs = 800, enabled = true) {
  const latest = useRef(refresh);
  latest.current = refresh;
  const refresher = useMemo(() => coalesce(() => latest.current(), waitMs), [waitMs]);
  useEffect(() => refresher.cancel, [refresher]);
  useRealtimeEvents(names, refresher.trigger, enabled);
}

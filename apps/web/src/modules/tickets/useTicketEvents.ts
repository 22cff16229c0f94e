import { useEffect, useRef } from 'react';
import { parseTicketEvent, TICKET_EVENTS, type TicketEvent } from './ticketEvents';

type Listener = (event: TicketEvent) => void;

/**
 * One EventSource for all ticket views of this tab (opened with the first listener, closed with the
 * last); the browser reconnects by itself (`retry: 3000` from the server).
 */
const listeners = new Set<Listener>();
let source: EventSource | null = null;

function open() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/realtime/stream', { withCredentials: true });
  for (const name of TICKET_EVENTS) {
    source.addEventListener(name, (frame) => {
      const event = parseTicketEvent((frame as MessageEvent<string>).data);
      if (!event) return;
      for (const listener of listeners) listener(event);
    });
  }
}

function close() {
  source?.close();
  source = null;
}

/** Calls `onEvent` for every ticket event while the component is mounted. */
export function useTicketEvents(onEvent: Listener, enabled = true) {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    if (!enabled) return undefined;
    const listener: Listener = (event) => latest.current(event);
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) close();
    };
  }, [enabled]);
}

/** The wall board's live queue, computed from today's call records. Pure, unit-tested. */
import type { CallRecord } from './types';

export type LiveQueue = {
  /** Calls waiting now: live (webhook) calls that entered, are not connected and have not ended. */
  waiting: number;
  /** Seconds the longest-waiting of them has waited; null when none waits. */
  longestWaitSeconds: number | null;
  /** Distinct agents on a call now: answered live calls that have not ended. */
  agentsOnCall: number;
};

/**
 * There is no "live queue" route: the board reads today's call records (newest first, at most one
 * page) and keeps the live ones — reported by the PBX's webhook (imported files are history, their
 * unfinished calls are *unresolved*, not waiting). Waiting = entered, not connected, not ended;
 * on a call = connected, not ended.
 */
export function liveQueue(calls: readonly CallRecord[], now: number): LiveQueue {
  const live = calls.filter((c) => c.source === 'webhook' && c.endedAt === null);
  const waiting = live.filter((c) => c.connectedAt === null && c.outcome === 'unresolved');
  const onCall = live.filter((c) => c.connectedAt !== null && c.outcome === 'answered');
  const earliest = waiting.reduce<number | null>((min, c) => {
    const at = new Date(c.enteredAt).getTime();
    return min === null || at < min ? at : min;
  }, null);
  return {
    waiting: waiting.length,
    longestWaitSeconds: earliest === null ? null : Math.max(0, Math.round((now - earliest) / 1000)),
    agentsOnCall: new Set(onCall.map((c) => c.agentUserId ?? c.agent ?? c.id)).size,
  };
}

/** `m:ss` (or `h:mm:ss`) of a number of seconds; `—` without one. */
export function formatClock(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The live call events the server pushes to readers of calls (events/catalog.ts `call.*`). */
export const CALL_EVENTS = ['call.ringing', 'call.answered', 'call.ended', 'call.abandoned'] as const;
/** The fallback refresh when the event stream is down. */
export const WALLBOARD_REFRESH_MS = 30_000;

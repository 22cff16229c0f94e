/**
 * How a ticket history entry reads: the action's label key (with the lifecycle action of a
 * `transition:<action>` entry) and the changed fields. Pure, unit-tested.
 */
import { diffJson } from '../audit/jsonDiff';
import { ACTIONS, type TicketAction } from './types';

export const HISTORY_ACTIONS = [
  'created',
  'updated',
  'next_reply_promised',
  'major_reported',
  'assigned',
  'linked',
  'unlinked',
  'attachment_added',
  'measure_added',
  'measure_updated',
  'merged_from',
  'merged_into',
  'watcher_added',
  'watcher_removed',
  'attachment_removed',
] as const;
export type HistoryActionKey = (typeof HISTORY_ACTIONS)[number];

export type HistoryAction =
  | { kind: 'known'; key: HistoryActionKey }
  | { kind: 'transition'; action: TicketAction }
  | { kind: 'other'; raw: string };

export function historyAction(action: string): HistoryAction {
  const transition = /^transition:(\w+)$/.exec(action);
  if (transition && (ACTIONS as readonly string[]).includes(transition[1] ?? '')) {
    return { kind: 'transition', action: transition[1] as TicketAction };
  }
  if ((HISTORY_ACTIONS as readonly string[]).includes(action))
    return { kind: 'known', key: action as HistoryActionKey };
  return { kind: 'other', raw: action };
}

export type HistoryChange = { field: string; before: unknown; after: unknown };

/** Bookkeeping that means nothing to a reader. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'updatedAt', 'measureId', 'ticketId']);

/** The fields an entry changed (unchanged ones and bookkeeping left out), before → after. */
export function historyChanges(before: unknown, after: unknown): HistoryChange[] {
  return diffJson(before, after)
    .filter((row) => row.kind !== 'unchanged' && !HIDDEN_FIELDS.has(row.path))
    .map((row) => ({ field: row.path, before: row.before ?? null, after: row.after ?? null }));
}

const STRATEGIES = ['manual', 'round_robin', 'least_loaded', 'unassign', 'take'] as const;
export type NoteStrategy = (typeof STRATEGIES)[number];

/** A note as written, or the assignment strategy that `assign:<strategy>` names. */
export function historyNote(
  note: string | null,
): { kind: 'assign'; strategy: NoteStrategy } | { kind: 'text'; text: string } | null {
  if (!note) return null;
  const assign = /^assign:(\w+)$/.exec(note);
  if (assign && (STRATEGIES as readonly string[]).includes(assign[1] ?? '')) {
    return { kind: 'assign', strategy: assign[1] as NoteStrategy };
  }
  return { kind: 'text', text: note };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

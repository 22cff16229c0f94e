/**
 * The pure parts of the callback pages: the list's views and their query, due and deadline words,
 * a row's tags, the outcome form ↔ request body. Unit-tested (callbackRules.test.ts).
 */
import type { CallbackItem, CallbackListQuery, OutcomeBody } from './callbackTypes';

/** The segments of "my callbacks", in the order shown; `today` is the default. */
export const CALLBACK_VIEWS = ['today', 'overdue', 'unreached', 'pending', 'done'] as const;
export type CallbackView = (typeof CALLBACK_VIEWS)[number];

export function parseView(value: string | null | undefined): CallbackView {
  return (CALLBACK_VIEWS as readonly string[]).includes(value ?? '') ? (value as CallbackView) : 'today';
}

/** The list query of a view (the server orders by due time: due first). */
export function viewQuery(view: CallbackView, page = 1, pageSize = 20): CallbackListQuery {
  const base = { mine: 'true' as const, page, pageSize };
  switch (view) {
    case 'today':
      return { ...base, due: 'today' };
    case 'overdue':
      return { ...base, due: 'overdue' };
    case 'unreached':
      return { ...base, status: 'unreached' };
    case 'pending':
      return { ...base, status: 'pending' };
    case 'done':
      return { ...base, status: 'done' };
    default: {
      const unreachable: never = view;
      throw new Error(`unknown view ${String(unreachable)}`);
    }
  }
}

export type TimeUnit = 'minutes' | 'hours' | 'days';
export type Span = { count: number; unit: TimeUnit };

const MINUTE = 60_000;

/** A duration rounded to its largest unit (at least one minute). */
export function span(ms: number): Span {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return { count: minutes, unit: 'minutes' };
  const hours = Math.round(minutes / 60);
  if (hours < 24) return { count: hours, unit: 'hours' };
  return { count: Math.round(hours / 24), unit: 'days' };
}

/** When to call: "in 2 hours" or "due 3 hours ago". */
export type DueWords = { past: boolean } & Span;
export function dueWords(dueAt: string, now: number): DueWords {
  const ms = new Date(dueAt).getTime() - now;
  return { past: ms <= 0, ...span(ms) };
}

/** The deadline clock: time left, or how long it is past; none without a deadline or once the callback ended. */
export type DeadlineClock = { kind: 'none' } | ({ kind: 'left' | 'past' } & Span);
export function deadlineClock(deadlineAt: string | null, status: CallbackItem['status'], now: number): DeadlineClock {
  if (!deadlineAt || status === 'done' || status === 'cancelled') return { kind: 'none' };
  const ms = new Date(deadlineAt).getTime() - now;
  return { kind: ms > 0 ? 'left' : 'past', ...span(ms) };
}

export type RowTag = 'overdue' | 'writeUp' | 'lowScore' | 'complaint';
/** The marks of one row, most urgent first. */
export function rowTags(item: Pick<CallbackItem, 'overdue' | 'needsWriteUp' | 'sourceKind' | 'complaintTicketId'>) {
  const tags: RowTag[] = [];
  if (item.overdue) tags.push('overdue');
  if (item.needsWriteUp) tags.push('writeUp');
  if (item.sourceKind === 'low_score') tags.push('lowScore');
  if (item.complaintTicketId) tags.push('complaint');
  return tags;
}

/** The outcome form's values (antd: a rating left empty is undefined). */
export type OutcomeValues = {
  satisfaction?: number | null;
  opinion?: string;
  staffRatings?: { role?: string; name?: string; score?: number | null }[];
};

/**
 * The outcome request body. Blanks are sent as they are (an empty opinion, a rating naming nobody)
 * so that the server answers with exactly what is missing; the form checks the same first.
 */
export function toOutcomeBody(values: OutcomeValues): OutcomeBody {
  return {
    satisfaction: values.satisfaction ?? 0,
    opinion: (values.opinion ?? '').trim(),
    staffRatings: (values.staffRatings ?? []).map((r) => ({
      role: (r.role ?? '').trim(),
      name: (r.name ?? '').trim() || null,
      score: r.score ?? 0,
    })),
  };
}

/** What a recorded try means for the caller: retry at a time, now unreached (write-up due), or reached. */
export type AttemptOutcome =
  | { kind: 'retry'; at: string; attempts: number }
  | { kind: 'unreached'; writeUpDueAt: string | null }
  | { kind: 'reached' };
export function attemptOutcome(result: {
  status: CallbackItem['status'];
  attempts: number;
  reached: boolean | null;
  nextAttemptAt: string | null;
  writeUpDueAt: string | null;
}): AttemptOutcome {
  if (result.status === 'unreached') return { kind: 'unreached', writeUpDueAt: result.writeUpDueAt };
  if (result.reached === false && result.nextAttemptAt) {
    return { kind: 'retry', at: result.nextAttemptAt, attempts: result.attempts };
  }
  return { kind: 'reached' };
}

import type { Dayjs } from 'dayjs';

/**
 * 跟清楚: the promised next-reply time of a ticket, as the countdown the pages show, and the rule
 * the new-ticket form applies before the server does (a complaint not resolved in this contact
 * needs one).
 */
export type NextReplyState =
  | { kind: 'none' }
  | { kind: 'due'; ms: number }
  | { kind: 'overdue'; ms: number }
  | { kind: 'done' };

/** Time left (or past) until the promise; `done` once the ticket no longer waits on one. */
export function nextReplyState(nextReplyAt: string | null | undefined, isOpen: boolean, now: number): NextReplyState {
  if (!isOpen) return { kind: 'done' };
  if (!nextReplyAt) return { kind: 'none' };
  const ms = new Date(nextReplyAt).getTime() - now;
  return ms >= 0 ? { kind: 'due', ms } : { kind: 'overdue', ms: -ms };
}

export type DurationParts = { days: number; hours: number; minutes: number };

/** Whole days, hours and minutes of a duration (a started minute counts when under one minute). */
export function durationParts(ms: number): DurationParts {
  const totalMinutes = Math.max(ms > 0 ? 1 : 0, Math.floor(Math.abs(ms) / 60_000));
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/** The two largest units, e.g. `2天3小时` / `2d 3h`, through the caller's unit labels. */
export function formatDuration(ms: number, unit: (name: keyof DurationParts, count: number) => string): string {
  const parts = durationParts(ms);
  const order: (keyof DurationParts)[] = ['days', 'hours', 'minutes'];
  const first = order.findIndex((name) => parts[name] > 0);
  if (first === -1) return unit('minutes', 0);
  return order
    .slice(first, first + 2)
    .filter((name) => parts[name] > 0)
    .map((name) => unit(name, parts[name]))
    .join(' ');
}

/** The new-ticket form's rule: a complaint not resolved in this contact must promise a next reply. */
export const needsNextReply = (isComplaint: boolean, resolvedNow: boolean) => isComplaint && !resolvedNow;

/** The one-click next-reply times, in the order the form shows them. */
export const NEXT_REPLY_PRESETS = ['in2h', 'today1730', 'tomorrow10', 'nextWorkday'] as const;
export type NextReplyPreset = (typeof NEXT_REPLY_PRESETS)[number];

/**
 * The times of the presets computed in the browser (local time, whole minutes): two hours from now,
 * today 17:30 (null once it has passed: it would be a broken promise), tomorrow 10:00. The next
 * working day comes from the server's business calendar (holidays and 调休 make-up days).
 */
export function presetTimes(now: Dayjs): Record<Exclude<NextReplyPreset, 'nextWorkday'>, Dayjs | null> {
  const today1730 = now.hour(17).minute(30).second(0).millisecond(0);
  return {
    in2h: now.add(2, 'hour').second(0).millisecond(0),
    today1730: today1730.isAfter(now) ? today1730 : null,
    tomorrow10: now.add(1, 'day').hour(10).minute(0).second(0).millisecond(0),
  };
}

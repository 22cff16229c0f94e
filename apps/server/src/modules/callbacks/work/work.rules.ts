import { dayIn } from '../../../lib/calendar-day.js';
import { quietUntil } from '../../notifications/index.js';
import type { QuietWindow } from '../callbacks.tables.js';
import { quietPeriods } from '../plans/schedule.js';

/**
 * What follows a try that did not reach the customer (docs/callbacks.md, "Working a callback"):
 * another try the same day after the gap — moved to the end of a quiet window when it falls in
 * one — while the day's retries last (`retriesPerDay` retries after the first try of the day);
 * otherwise, or when the retry would fall on another day, the callback is `unreached` and needs a
 * write-up before the day ends. Pure: `now` and the settings are given.
 */
export type RetryRules = { retriesPerDay: number; retryGapMinutes: number; quietWindows: readonly QuietWindow[] };
export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'unreached' };

export function afterUnreachedTry(now: Date, triesToday: number, rules: RetryRules, timeZone: string): RetryDecision {
  if (triesToday > rules.retriesPerDay) return { kind: 'unreached' };
  const candidate = new Date(now.getTime() + rules.retryGapMinutes * 60_000);
  const at = quietUntil(candidate, quietPeriods(rules.quietWindows), timeZone) ?? candidate;
  if (dayIn(at, timeZone) !== dayIn(now, timeZone)) return { kind: 'unreached' };
  return { kind: 'retry', at };
}

/** The missing parts of an outcome record (empty: complete). */
export function missingOutcomeParts(input: {
  satisfaction?: number | null;
  opinion?: string | null;
  staffRatings?: readonly { role: string; userId?: string | null; name?: string | null; score: number }[] | null;
}): string[] {
  const missing: string[] = [];
  if (input.satisfaction == null) missing.push('satisfaction');
  if (!input.opinion?.trim()) missing.push('opinion');
  if (!input.staffRatings) missing.push('staffRatings');
  for (const [i, r] of (input.staffRatings ?? []).entries()) {
    if (!r.role.trim()) missing.push(`staffRatings.${i}.role`);
    if (!r.userId && !r.name?.trim()) missing.push(`staffRatings.${i}.name`);
  }
  return missing;
}

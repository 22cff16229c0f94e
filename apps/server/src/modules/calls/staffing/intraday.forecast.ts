import { addDays } from '../../../lib/calendar-day.js';
import type { DayKind } from '../../calendars/index.js';

/**
 * The intraday forecast's rules (pure; docs/calls.md, "Staffing (Erlang C)").
 *
 * Sample days: a day is *working* (a workday, or a 调休 make-up day) or *rest* (a weekend day or a
 * holiday), by the default business calendar. The forecast of a date averages the same weekday of
 * the same kind in the last `weeks` weeks (a Tuesday from past working Tuesdays, a holiday Tuesday
 * skipped). A date with no such day behind it — a make-up Saturday, a holiday on a weekday — takes
 * the `weeks` most recent days of its kind within the last `weeks` weeks instead.
 */
export type DayGroup = 'working' | 'rest';

export const dayGroup = (kind: DayKind): DayGroup => (kind === 'workday' || kind === 'makeup' ? 'working' : 'rest');

export function sampleDays(date: string, weeks: number, groupOf: (date: string) => DayGroup): string[] {
  const group = groupOf(date);
  const same: string[] = [];
  for (let k = 1; k <= weeks; k += 1) {
    const day = addDays(date, -7 * k);
    if (groupOf(day) === group) same.push(day);
  }
  if (same.length > 0) return same;
  const recent: string[] = [];
  for (let back = 1; back <= 7 * weeks && recent.length < weeks; back += 1) {
    const day = addDays(date, -back);
    if (groupOf(day) === group) recent.push(day);
  }
  return recent;
}

/** A half hour's AHT comes from its own history when at least this many answered calls have a talk time. */
export const MIN_INTERVAL_AHT_CALLS = 5;

export type SlotHistory = { calls: number; talkSum: number; talkCount: number };
export type AhtSource = 'argument' | 'interval' | 'sample' | 'settings';

/**
 * Per slot: the average calls over the sample days and the AHT to plan with — the request's, else
 * the slot's average talk time (≥ MIN_INTERVAL_AHT_CALLS calls), else the sample days' average talk
 * time, else the fallback (the settings' AHT range midpoint).
 */
export function forecastSlots(
  slots: number,
  days: number,
  history: ReadonlyMap<number, SlotHistory>,
  aht: { argument?: number; fallback: number },
): { calls: number; ahtSeconds: number; ahtSource: AhtSource }[] {
  let talkSum = 0;
  let talkCount = 0;
  for (const h of history.values()) {
    talkSum += h.talkSum;
    talkCount += h.talkCount;
  }
  const out: { calls: number; ahtSeconds: number; ahtSource: AhtSource }[] = [];
  for (let slot = 0; slot < slots; slot += 1) {
    const h = history.get(slot);
    const calls = days > 0 && h ? h.calls / days : 0;
    if (aht.argument !== undefined) out.push({ calls, ahtSeconds: aht.argument, ahtSource: 'argument' });
    else if (h && h.talkCount >= MIN_INTERVAL_AHT_CALLS)
      out.push({ calls, ahtSeconds: h.talkSum / h.talkCount, ahtSource: 'interval' });
    else if (talkCount > 0) out.push({ calls, ahtSeconds: talkSum / talkCount, ahtSource: 'sample' });
    else out.push({ calls, ahtSeconds: aht.fallback, ahtSource: 'settings' });
  }
  return out;
}

/**
 * What the time-limits panel shows of a clock, as pure functions (unit-tested without a DOM): the
 * remaining or overdue time, the colour, the elapsed share, which clock the ladder and the explain
 * drawer open on. The server computes the clocks live from the ticket's history; these only word them.
 */
import { type Clock, SLA_METRICS, type SlaMetric, type WaitingOn } from '../types';

export type Unit = 'days' | 'hours' | 'minutes';
type UnitLabel = (unit: Unit, count: number) => string;

/**
 * Minutes as the two largest units ("1 天 2 小时", "3 小时 20 分"). Business minutes are shown
 * without days (a business "day" is not 24 hours), calendar minutes with days.
 */
export function formatMinutes(minutes: number, unit: UnitLabel, withDays = true): string {
  const abs = Math.abs(minutes);
  // A started minute counts (never "overdue by 0 min").
  const total = abs > 0 && abs < 1 ? 1 : Math.round(abs);
  const parts: [Unit, number][] = withDays
    ? [
        ['days', Math.floor(total / 1440)],
        ['hours', Math.floor((total % 1440) / 60)],
        ['minutes', total % 60],
      ]
    : [
        ['hours', Math.floor(total / 60)],
        ['minutes', total % 60],
      ];
  const first = parts.findIndex(([, count]) => count > 0);
  if (first === -1) return unit('minutes', 0);
  return parts
    .slice(first, first + 2)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => unit(name, count))
    .join(' ');
}

export type Tone = 'normal' | 'warning' | 'danger' | 'paused' | 'done' | 'muted';

const DEFAULT_WARN_PERCENT = 75;

/** Share of the target used so far (0–100), or null when the clock has no running share to show. */
export function elapsedPercent(clock: Clock): number | null {
  if (clock.state === 'breached') return 100;
  if (clock.state === 'cancelled' || clock.targetMinutes <= 0 || clock.remainingMinutes === null) return null;
  if (clock.state === 'met') return null;
  const used = ((clock.targetMinutes - clock.remainingMinutes) / clock.targetMinutes) * 100;
  return Math.min(100, Math.max(0, Math.round(used)));
}

/**
 * The warning thresholds marked on the progress bar (ascending, unique): the policy's `warnPercents`
 * and those that fired (the API lists fired warnings only; 100 and 200 are the breach and follow-up).
 */
export function warnPercents(clock: Clock, configured: readonly number[] = []): number[] {
  return [...new Set([...configured, ...clock.warnings.map((w) => w.percent)])]
    .filter((p) => p > 0 && p < 100)
    .sort((a, b) => a - b);
}

/** Red once breached (or overdue), orange past the first warning, grey while paused. */
export function clockTone(clock: Clock, now: number, configured: readonly number[] = []): Tone {
  switch (clock.state) {
    case 'breached':
      return 'danger';
    case 'paused':
      return 'paused';
    case 'met':
      return 'done';
    case 'cancelled':
      return 'muted';
    default: {
      if (clock.dueAt && new Date(clock.dueAt).getTime() < now) return 'danger';
      const share = elapsedPercent(clock) ?? 0;
      const first = warnPercents(clock, configured)[0] ?? DEFAULT_WARN_PERCENT;
      const warned = clock.warnings.some((w) => w.percent < 100);
      return warned || share >= first ? 'warning' : 'normal';
    }
  }
}

export const TONE_COLORS: Record<Tone, string | undefined> = {
  normal: undefined,
  warning: '#d46b08',
  danger: '#cf1322',
  paused: '#8c8c8c',
  done: '#389e0d',
  muted: '#bfbfbf',
};

/** i18n key (namespace `sla`) of a clock's state tag; a pause names what it waits for. */
export function stateKey(clock: Clock, waitingOn: WaitingOn, tone: Tone) {
  if (clock.state === 'paused') {
    if (waitingOn === 'customer') return 'state.pausedCustomer' as const;
    if (waitingOn === 'third_party') return 'state.pausedThirdParty' as const;
    return 'state.pausedFeedback' as const;
  }
  if (clock.state === 'running' && tone === 'danger') return 'state.breached' as const;
  if (clock.state === 'running' && tone === 'warning') return 'state.warning' as const;
  return `state.${clock.state}` as const;
}

export type RemainingText =
  | {
      key: 'remaining.business' | 'remaining.calendar' | 'remaining.pausedBusiness' | 'remaining.pausedCalendar';
      minutes: number;
      withDays: boolean;
    }
  | { key: 'remaining.overdue' | 'remaining.lateBy'; minutes: number; withDays: true }
  | { key: 'remaining.metAt'; at: string }
  | null;

/**
 * The remaining time as the server computed it (business minutes for a business clock, hence
 * "（工作时间）"); once overdue, how long ago the due time passed, in wall-clock time.
 */
export function remainingText(clock: Clock, now: number): RemainingText {
  const business = clock.timeBasis === 'business';
  const dueMs = clock.dueAt ? new Date(clock.dueAt).getTime() : null;
  switch (clock.state) {
    case 'cancelled':
      return null;
    case 'met':
      return clock.stoppedAt ? { key: 'remaining.metAt', at: clock.stoppedAt } : null;
    case 'paused':
      return clock.remainingMinutes === null
        ? null
        : {
            key: business ? 'remaining.pausedBusiness' : 'remaining.pausedCalendar',
            minutes: Math.max(0, clock.remainingMinutes),
            withDays: !business,
          };
    case 'breached':
      if (dueMs === null) return null;
      if (clock.stoppedAt) {
        return {
          key: 'remaining.lateBy',
          minutes: (new Date(clock.stoppedAt).getTime() - dueMs) / 60_000,
          withDays: true,
        };
      }
      return { key: 'remaining.overdue', minutes: Math.max(0, now - dueMs) / 60_000, withDays: true };
    default:
      if (dueMs !== null && dueMs < now)
        return { key: 'remaining.overdue', minutes: (now - dueMs) / 60_000, withDays: true };
      if (clock.remainingMinutes === null) return null;
      return {
        key: business ? 'remaining.business' : 'remaining.calendar',
        minutes: Math.max(0, clock.remainingMinutes),
        withDays: !business,
      };
  }
}

export type ClockGroup = { metric: SlaMetric; current: Clock; earlier: Clock[] };

/** One row per metric (its latest cycle), earlier cycles under it; metrics in the catalog's order. */
export function groupByMetric(clocks: readonly Clock[]): ClockGroup[] {
  return SLA_METRICS.flatMap((metric) => {
    const cycles = clocks.filter((c) => c.metric === metric).sort((a, b) => b.cycle - a.cycle);
    const [current, ...earlier] = cycles;
    return current ? [{ metric, current, earlier }] : [];
  });
}

const OPEN_STATES = new Set(['running', 'paused']);
const byDue = (a: Clock, b: Clock) =>
  (a.dueAt ? new Date(a.dueAt).getTime() : Number.POSITIVE_INFINITY) -
  (b.dueAt ? new Date(b.dueAt).getTime() : Number.POSITIVE_INFINITY);

/**
 * The clock the explain drawer opens on: an open business-time clock with the nearest due time (the
 * calendar is what needs explaining), else any open clock, else the latest.
 */
export function explainDefault(clocks: readonly Clock[]): Clock | undefined {
  const latest = groupByMetric(clocks).map((g) => g.current);
  const open = latest.filter((c) => OPEN_STATES.has(c.state) || (c.state === 'breached' && !c.stoppedAt)).sort(byDue);
  return open.find((c) => c.timeBasis === 'business') ?? open[0] ?? latest[0];
}

/** Clocks with a ladder (latest cycles); the ladder shown first is the one furthest up, then the nearest due. */
export function laddered(clocks: readonly Clock[]): Clock[] {
  return groupByMetric(clocks)
    .map((g) => g.current)
    .filter((c) => c.ladder !== null && c.state !== 'cancelled')
    .sort((a, b) => (b.ladder?.position ?? 0) - (a.ladder?.position ?? 0) || byDue(a, b));
}

/** Levels a person may escalate a clock to by hand: above the current position. */
export function escalationTargets(clock: Clock): number[] {
  const ladder = clock.ladder;
  if (!ladder) return [];
  return ladder.levels.map((l) => l.level).filter((level) => level > ladder.position);
}

/** Levels passed over when escalating to `level` (a reason is then required). */
export function skippedLevels(clock: Clock, level: number): number[] {
  const position = clock.ladder?.position ?? 0;
  return escalationTargets(clock).filter((l) => l > position && l < level);
}

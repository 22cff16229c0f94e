/**
 * The business-time calculator (时限计算). A calendar is compiled once into the working periods of
 * every day of its range, as absolute instants, with the working milliseconds before each period
 * (a prefix sum). `due` and `elapsed` are then two binary searches — no stepping minute by minute
 * or day by day — so a computation costs well under a microsecond whatever the duration.
 *
 * Working time = the weekly periods of the day's weekday, except on a day the calendar overrides:
 * a holiday (`off`: no working time) or an adjusted working day (调休 `work`: the make-up day works
 * the `workday` periods, e.g. a Saturday that works as a Monday). Periods are in the calendar's
 * time zone; a period's start and end are turned into instants with the offset in force at each,
 * so zones with daylight saving time work too.
 */

/** Minutes from local midnight: [start, end), end ≤ 1440. */
export type Period = readonly [start: number, end: number];

/** Where a day's override comes from: the official arrangements or the calendar's own days. */
export type DaySource = 'official' | 'calendar';

export type DayOverride =
  | { date: string; kind: 'off'; name?: string; source?: DaySource }
  | { date: string; kind: 'work'; name?: string; periods?: readonly Period[]; source?: DaySource };

export type CalendarSpec = {
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday (as `Date#getUTCDay` of the local date). */
  weekly: readonly (readonly Period[])[];
  /** The periods a make-up working day (调休) works when its override names none. */
  workday: readonly Period[];
  overrides: readonly DayOverride[];
  /** Years compiled (inclusive); instants outside are refused. */
  fromYear: number;
  toYear: number;
};

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

const MINUTE = 60_000;
const DAY = 86_400_000;

export class CalendarRangeError extends Error {
  constructor(readonly instant: number) {
    super(`instant ${new Date(instant).toISOString()} is outside the calendar's compiled years`);
  }
}

/** The UTC offset (ms) of `zone` at `instant`, from Intl (cached formatter per zone). */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function zoneOffset(zone: string, instant: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Turns local wall time (ms since the epoch as if the zone were UTC) into an instant. A zone whose
 * offset never changes over the years compiled (Asia/Shanghai since 1992) takes a constant; others
 * ask Intl, two rounds settling the offset around a transition (a wall time in a gap moves on).
 */
function wallClock(zone: string, fromYear: number, toYear: number): (localMs: number) => number {
  const first = zoneOffset(zone, Date.UTC(fromYear, 0, 1));
  let fixed = true;
  for (let year = fromYear; year <= toYear && fixed; year += 1)
    for (let month = 0; month < 12; month += 1)
      if (
        zoneOffset(zone, Date.UTC(year, month, 1)) !== first ||
        zoneOffset(zone, Date.UTC(year, month, 15)) !== first
      ) {
        fixed = false;
        break;
      }
  if (fixed) return (localMs) => localMs - first;
  return (localMs) => {
    const instant = localMs - zoneOffset(zone, localMs);
    return localMs - zoneOffset(zone, instant);
  };
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01 as a local date). */
export function dayKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export class CompiledCalendar {
  /** Start and end instants (ms) of every working period, in order, and the working ms before each. */
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly before: Float64Array;
  readonly firstInstant: number;
  readonly lastInstant: number;
  private readonly kinds = new Map<string, { kind: DayKind; name?: string; source?: DaySource }>();

  constructor(readonly spec: CalendarSpec) {
    const overrides = new Map(spec.overrides.map((o) => [o.date, o]));
    const localToInstant = wallClock(spec.timeZone, spec.fromYear, spec.toYear);
    const firstDay = dayNumber(`${spec.fromYear}-01-01`);
    const lastDay = dayNumber(`${spec.toYear}-12-31`);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let day = firstDay; day <= lastDay; day += 1) {
      const key = dayKey(day);
      const override = overrides.get(key);
      const weekday = new Date(day * DAY).getUTCDay();
      let periods: readonly Period[];
      if (override?.kind === 'off') periods = [];
      else if (override?.kind === 'work') periods = override.periods ?? spec.workday;
      else periods = spec.weekly[weekday] ?? [];
      if (override)
        this.kinds.set(key, {
          kind: override.kind === 'off' ? 'holiday' : 'makeup',
          name: override.name,
          source: override.source,
        });
      for (const [start, end] of [...periods].sort((a, b) => a[0] - b[0])) {
        if (end <= start) continue;
        const s = localToInstant(day * DAY + start * MINUTE);
        const e = localToInstant(day * DAY + end * MINUTE);
        if (e <= s) continue;
        const last = ends.length - 1;
        if (last >= 0 && s <= (ends[last] as number)) ends[last] = Math.max(ends[last] as number, e);
        else {
          starts.push(s);
          ends.push(e);
        }
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.before = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i += 1)
      this.before[i + 1] = (this.before[i] as number) + ((ends[i] as number) - (starts[i] as number));
    this.firstInstant = localToInstant(firstDay * DAY);
    this.lastInstant = localToInstant((lastDay + 1) * DAY);
  }

  /** Index of the first period that ends after `t` (periods.length when none). */
  private periodAfter(t: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] as number) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private check(t: number): void {
    if (!(t >= this.firstInstant && t < this.lastInstant)) throw new CalendarRangeError(t);
  }

  /** Working ms from the start of the range to `t`. */
  private workedBefore(t: number): number {
    const i = this.periodAfter(t);
    if (i >= this.starts.length) return this.before[i] as number;
    return (this.before[i] as number) + Math.max(0, t - (this.starts[i] as number));
  }

  /**
   * The instant at which `minutes` of working time have elapsed from `start`. A start outside
   * working time counts from the next working instant; a due on the end of a period is that end.
   */
  due(start: number, minutes: number): number {
    this.check(start);
    if (minutes === 0) {
      // Zero work: the start itself when it is working time, else the next working instant.
      const i = this.periodAfter(start);
      if (i >= this.starts.length) throw new CalendarRangeError(start);
      return Math.max(start, this.starts[i] as number);
    }
    const target = this.workedBefore(start) + minutes * MINUTE;
    // The first period whose end is at or beyond the target amount of work.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.before[mid + 1] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= this.starts.length) throw new CalendarRangeError(this.lastInstant);
    return (this.starts[lo] as number) + (target - (this.before[lo] as number));
  }

  /** Working minutes between two instants (negative when `to` is before `from`). */
  elapsed(from: number, to: number): number {
    this.check(from);
    this.check(to);
    return (this.workedBefore(to) - this.workedBefore(from)) / MINUTE;
  }

  /** Whether `t` is working time. */
  isWorking(t: number): boolean {
    this.check(t);
    const i = this.periodAfter(t);
    return i < this.starts.length && t >= (this.starts[i] as number);
  }

  /** The working periods that overlap [from, to), for the "explain" view. */
  periodsBetween(from: number, to: number): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (let i = this.periodAfter(from); i < this.starts.length && (this.starts[i] as number) < to; i += 1)
      out.push({ start: Math.max(from, this.starts[i] as number), end: Math.min(to, this.ends[i] as number) });
    return out;
  }

  /** What a local date is: a holiday or 调休 day (with its name), else a workday or weekend by the week. */
  dayKind(date: string): { kind: DayKind; name?: string; source?: DaySource } {
    const special = this.kinds.get(date);
    if (special) return special;
    const weekday = new Date(dayNumber(date) * DAY).getUTCDay();
    return (this.spec.weekly[weekday] ?? []).length > 0 ? { kind: 'workday' } : { kind: 'weekend' };
  }

  /** The local date (`YYYY-MM-DD`, in the calendar's time zone) of an instant. */
  localDate(t: number): string {
    return new Date(t + zoneOffset(this.spec.timeZone, t)).toISOString().slice(0, 10);
  }

  /** The instant a local date begins (its local midnight). */
  dayStart(date: string): number {
    const local = Date.parse(`${date}T00:00:00Z`);
    const guess = local - zoneOffset(this.spec.timeZone, local);
    return local - zoneOffset(this.spec.timeZone, guess);
  }
}

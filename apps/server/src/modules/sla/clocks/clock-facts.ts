import type { CompiledCalendar } from '../../calendars/index.js';
import type { TicketTimelineEntry } from '../../tickets/index.js';
import type { SlaClockState, SlaMetric, SlaPauseReason, slaPolicies } from '../sla.tables.js';

/** The inputs and outputs of the clock engine (sla/clocks/clock-engine.ts), and the span arithmetic it shares. */

/** One fact of a ticket's life, from `ticket_history` and `ticket_messages` (tickets' timeline). */
export type TimelineEntry = TicketTimelineEntry;

export type ClockTicket = {
  id: string;
  typeKey: string;
  isComplaint: boolean;
  priority: string;
  status: string;
  departmentId: string | null;
  assigneeId: string | null;
  createdAt: Date;
  /** The customer's grade when the ticket was created (the archive's grade history). */
  customerGrade: string | null;
};

/** The ticket (current fields) and its timeline (the initial status and department included). */
export type ClockFacts = { ticket: ClockTicket; timeline: readonly TimelineEntry[] };

export type ClockPolicy = Pick<
  typeof slaPolicies.$inferSelect,
  | 'id'
  | 'nameZh'
  | 'nameEn'
  | 'metric'
  | 'typeKey'
  | 'priority'
  | 'customerGrade'
  | 'departmentId'
  | 'targetMinutes'
  | 'timeBasis'
  | 'calendarId'
  | 'warnPercents'
  | 'ladderId'
  | 'followUpMinutes'
  | 'isActive'
  | 'sortOrder'
>;

export type ClockSettings = { pauseOn: readonly string[] };
export type CalendarLookup = (id: string) => CompiledCalendar;

export type PauseReason = SlaPauseReason | 'stopped';
export type ClockPause = { from: Date; to: Date | null; reason: PauseReason };

export type ComputedClock = {
  metric: SlaMetric;
  cycle: number;
  policy: ClockPolicy;
  /** The department a team clock runs for (the ticket's current one for other metrics). */
  departmentId: string | null;
  startedAt: Date;
  /** Null while paused: the due time is not known until the clock resumes. */
  dueAt: Date | null;
  state: SlaClockState;
  /** Minutes paused (waits and feedback, not the spans a resolved ticket was stopped), in the clock's basis. */
  pausedMinutes: number;
  pausedSince: Date | null;
  /** Minutes to the due time in the clock's basis (negative past it); for a paused clock what it resumes with. */
  remainingMinutes: number | null;
  stoppedAt: Date | null;
  breachedAt: Date | null;
  followUpDueAt: Date | null;
  /** The instants each warning share of the target has elapsed (pauses accounted for). */
  warnings: { percent: number; at: Date }[];
  pauses: ClockPause[];
};

/** A span of ms; `to` = Infinity while open. */
export type Span = { from: number; to: number; reason: PauseReason };

/** Sorted, non-overlapping spans (their reasons dropped: for the due computation). */
export function coalesce(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** Spans clipped to [from, to). */
export function clip(spans: readonly Span[], from: number, to: number): Span[] {
  return spans
    .filter((s) => s.to > from && s.from < to)
    .map((s) => ({ from: Math.max(s.from, from), to: Math.min(s.to, to), reason: s.reason }));
}

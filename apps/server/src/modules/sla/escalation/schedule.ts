import type { SlaClockState, SlaFiringKind } from '../sla.tables.js';

/** The warning step recorded at the breach itself (every clock has it, with or without a ladder). */
export const BREACH_STEP = 100;
/** The warning step recorded when a breached clock's follow-up target passes as well. */
export const FOLLOW_UP_STEP = 200;
/** A firing more than this after its instant is marked late (the system was down or behind). */
export const LATE_AFTER_MS = 2 * 60_000;

export type Step = { kind: SlaFiringKind; step: number; scheduledAt: Date };

export type ScheduleInput = {
  state: SlaClockState;
  dueAt: Date | null;
  stoppedAt: Date | null;
  followUpDueAt: Date | null;
  /** The instants at which each warning share of the target has elapsed (pauses accounted for). */
  warnings: readonly { percent: number; at: Date }[];
  /** The ladder's levels (their time limits, wall-clock minutes), or null without a ladder. */
  ladderLimits: readonly number[] | null;
  /** What already fired for this clock (the `sla_firings` rows). */
  fired: readonly { kind: SlaFiringKind; step: number; scheduledAt: Date; firedAt: Date }[];
};

const key = (kind: SlaFiringKind, step: number) => `${kind}:${step}`;

/**
 * Every step of a clock in order, fired or not, with its instant: the warnings (while the clock
 * runs), the breach notice at the due time, the ladder levels (level 1 at the breach, level k+1
 * `limit(k)` minutes after level k's instant — its scheduled instant when the sweep fired it, the
 * moment of a manual escalation), and the follow-up target.
 * A stopped, paused or cancelled clock has no pending step (a level reached stays reached).
 */
export function plannedSteps(input: ScheduleInput): Step[] {
  const live = input.state === 'running' || input.state === 'breached';
  if (!live || input.stoppedAt || !input.dueAt) return [];
  const steps: Step[] = [];
  for (const w of input.warnings)
    if (w.at < input.dueAt) steps.push({ kind: 'warning', step: w.percent, scheduledAt: w.at });
  steps.push({ kind: 'warning', step: BREACH_STEP, scheduledAt: input.dueAt });
  if (input.ladderLimits) {
    // A level reached counts from its recorded instant: the scheduled one for the sweep (so that
    // levels overdue after downtime are all due at once, each late), the moment itself for a manual
    // escalation (recorded with scheduledAt = firedAt).
    const firedLevels = new Map(
      input.fired.filter((f) => f.kind === 'escalation').map((f) => [f.step, f.scheduledAt] as const),
    );
    let reachedAt = input.dueAt;
    for (let level = 1; level <= input.ladderLimits.length; level++) {
      if (level > 1) reachedAt = new Date(reachedAt.getTime() + (input.ladderLimits[level - 2] ?? 0) * 60_000);
      const actual = firedLevels.get(level);
      steps.push({ kind: 'escalation', step: level, scheduledAt: reachedAt });
      if (actual) reachedAt = actual;
    }
  }
  if (input.followUpDueAt) steps.push({ kind: 'warning', step: FOLLOW_UP_STEP, scheduledAt: input.followUpDueAt });
  return steps.sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
}

/**
 * The steps due at `now` that have not fired, in order. Escalation levels below the highest one
 * already reached (e.g. skipped by hand) are not fired afterwards.
 */
export function dueSteps(input: ScheduleInput, now: Date): Step[] {
  const done = new Set(input.fired.map((f) => key(f.kind, f.step)));
  const highest = Math.max(0, ...input.fired.filter((f) => f.kind === 'escalation').map((f) => f.step));
  return plannedSteps(input).filter(
    (s) => s.scheduledAt <= now && !done.has(key(s.kind, s.step)) && !(s.kind === 'escalation' && s.step <= highest),
  );
}

/** When the sweep must look at the clock next: its earliest step not fired yet (null: nothing pending). */
export function nextCheckAt(input: ScheduleInput): Date | null {
  const done = new Set(input.fired.map((f) => key(f.kind, f.step)));
  const highest = Math.max(0, ...input.fired.filter((f) => f.kind === 'escalation').map((f) => f.step));
  const pending = plannedSteps(input).find(
    (s) => !done.has(key(s.kind, s.step)) && !(s.kind === 'escalation' && s.step <= highest),
  );
  return pending?.scheduledAt ?? null;
}

/** Whether a firing at `firedAt` of a step scheduled at `scheduledAt` is late. */
export const isLate = (scheduledAt: Date, firedAt: Date) => firedAt.getTime() - scheduledAt.getTime() > LATE_AFTER_MS;

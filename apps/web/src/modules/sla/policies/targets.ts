import type { LadderRecipient, ResolvedPolicy } from './types';

export const UNITS = ['min', 'h', 'd'] as const;
export type Unit = (typeof UNITS)[number];
const FACTOR: Record<Unit, number> = { min: 1, h: 60, d: 1440 };

/** 120 → { value: 2, unit: 'h' }: the largest unit that divides it (a day = 24 h). */
export function splitMinutes(minutes: number): { value: number; unit: Unit } {
  if (minutes > 0 && minutes % 1440 === 0) return { value: minutes / 1440, unit: 'd' };
  if (minutes > 0 && minutes % 60 === 0) return { value: minutes / 60, unit: 'h' };
  return { value: minutes, unit: 'min' };
}

export const toMinutes = (value: number, unit: Unit) => Math.round(value * FACTOR[unit]);

/** The translate function, loosely typed (keys of `slaPolicies` built at run time). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "2 小时" / "2 h". */
export function formatDuration(t: Translate, minutes: number): string {
  const { value, unit } = splitMinutes(minutes);
  return t(`unit.${unit}`, { count: value });
}

/**
 * What a matrix cell shows: "2 小时 · 工作时间 · 法定工作日" — the target, the basis and (for
 * business time) the calendar. `null`: no policy applies.
 */
export function cellLabel(t: Translate, resolved: ResolvedPolicy, calendarName?: string): string | null {
  if (!resolved) return null;
  const parts = [formatDuration(t, resolved.targetMinutes), t(`basis.${resolved.timeBasis}`)];
  if (resolved.timeBasis === 'business' && calendarName) parts.push(calendarName);
  return parts.join(' · ');
}

/**
 * A recipient as a select value (`role:supervisor`, `user:<id>`, `superior_chain:2` = two levels of
 * superiors, or the kind) and back.
 */
export function recipientValue(recipient: LadderRecipient): string {
  if (recipient.kind === 'role') return `role:${recipient.role}`;
  if (recipient.kind === 'user') return `user:${recipient.userId}`;
  if (recipient.kind === 'superior_chain' && recipient.depth) return `superior_chain:${recipient.depth}`;
  return recipient.kind;
}

export function recipientOf(value: string): LadderRecipient | undefined {
  if (value.startsWith('role:')) return { kind: 'role', role: value.slice(5) };
  if (value.startsWith('user:')) return { kind: 'user', userId: value.slice(5) };
  if (value.startsWith('superior_chain:')) return { kind: 'superior_chain', depth: Number(value.slice(15)) };
  switch (value) {
    case 'assignee':
    case 'superior_chain':
    case 'department_manager':
    case 'general_manager':
    case 'on_duty_leader':
      return { kind: value };
    default:
      return undefined;
  }
}

/** The sum of the weights and whether it is the 100 % the SLA rate needs. */
export function weightTotal(weights: Partial<Record<string, number | null | undefined>>): {
  total: number;
  ok: boolean;
} {
  const total = Object.values(weights).reduce<number>((sum, w) => sum + (Number(w) || 0), 0);
  return { total, ok: total === 100 };
}

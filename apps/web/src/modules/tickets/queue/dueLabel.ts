/**
 * The due column's words (issue 14): "2 小时后到期" / "超时 3 天" / "已超时", rounded to the largest
 * unit. `overdue` comes from the server (a breached time limit is overdue although its follow-up
 * due time may still be ahead). Pure, unit-tested.
 */
export type DueUnit = 'minutes' | 'hours' | 'days';
export type DueLabel =
  | { kind: 'none' }
  | { kind: 'breached' }
  | { kind: 'overdue' | 'in'; count: number; unit: DueUnit };

const MINUTE = 60_000;

function largest(ms: number): { count: number; unit: DueUnit } {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return { count: minutes, unit: 'minutes' };
  const hours = Math.round(minutes / 60);
  if (hours < 24) return { count: hours, unit: 'hours' };
  return { count: Math.round(hours / 24), unit: 'days' };
}

export function dueLabel(dueAt: string | null, overdue: boolean, now: number): DueLabel {
  if (!dueAt) return overdue ? { kind: 'breached' } : { kind: 'none' };
  const ms = new Date(dueAt).getTime() - now;
  if (overdue) return ms < 0 ? { kind: 'overdue', ...largest(ms) } : { kind: 'breached' };
  return ms < 0 ? { kind: 'overdue', ...largest(ms) } : { kind: 'in', ...largest(ms) };
}

import { formatMinutes, TONE_COLORS, type Unit } from '../clocks/clockView';
import type { AtRiskItem } from '../types';

type UnitLabel = (name: Unit, count: number) => string;

/**
 * What the "time left" cell says of an at-risk clock (the list holds running and breached clocks):
 * overdue as wall-clock time since the due time, in red; else the minutes left in the clock's basis.
 */
export function atRiskRemaining(row: AtRiskItem, now: number) {
  const dueMs = new Date(row.dueAt).getTime();
  const overdue = row.state === 'breached' || dueMs < now;
  if (overdue) {
    const minutes = Math.max(0, now - dueMs) / 60_000;
    return {
      overdue,
      key: 'sla:remaining.overdue' as const,
      color: TONE_COLORS.danger,
      time: (unit: UnitLabel) => formatMinutes(minutes, unit, true),
    };
  }
  return {
    overdue,
    key: 'sla:remaining.calendar' as const,
    color: TONE_COLORS.warning,
    time: (unit: UnitLabel) => formatMinutes(Math.max(0, row.remainingMinutes), unit, false),
  };
}

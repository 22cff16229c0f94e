import type { MessageRef } from '@kefu/shared';

export { dayIn } from '../../../lib/calendar-day.js';

/** The day before a YYYY-MM-DD day. */
export function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type DigestFigures = { created: number; complaints: number; major: number; breached: number };

export function digestFigures(counts: Record<string, number>): DigestFigures {
  return {
    created: counts.created ?? 0,
    complaints: counts.complaints ?? 0,
    major: counts.major ?? 0,
    breached: counts.breached ?? 0,
  };
}

/** The digest of a day in catalog keys (worded in each robot's language). */
export function digestContent(day: string, figures: DigestFigures): { subject: MessageRef; body: MessageRef } {
  return {
    subject: { key: 'robot.digest.subject', params: { date: day } },
    body: { key: 'robot.digest.body', params: { date: day, ...figures } },
  };
}

import type { QuietPeriod } from '../notifications.tables.js';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: string): boolean {
  return HHMM.test(value);
}

function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since local midnight and the seconds into the minute, in `timeZone`. */
function localClock(now: Date, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') + now.getUTCMilliseconds() / 1000 };
}

/**
 * When `now` falls in one of the quiet periods (local wall-clock times in `timeZone`; `from` after
 * `to` spans midnight, e.g. 21:00–08:30), the instant the period ends; else null. Overlapping
 * periods are followed to the end of the last one.
 */
export function quietUntil(now: Date, periods: readonly QuietPeriod[], timeZone: string): Date | null {
  let at = now;
  for (let guard = 0; guard < periods.length + 1; guard += 1) {
    const { minutes, seconds } = localClock(at, timeZone);
    let wait: number | null = null;
    for (const p of periods) {
      const from = minutesOf(p.from);
      const to = minutesOf(p.to);
      if (from === to) continue;
      const inside = from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
      if (!inside) continue;
      const left = (to - minutes + 1440) % 1440;
      wait = Math.max(wait ?? 0, left);
    }
    if (wait === null) return at === now ? null : at;
    at = new Date(at.getTime() + wait * 60_000 - seconds * 1000);
  }
  return at;
}

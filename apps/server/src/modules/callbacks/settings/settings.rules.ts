import type { QuietWindow } from '../callbacks.tables.js';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The minutes of a day outside every quiet window (local times; a window whose end is before its
 * start runs over midnight). A set of windows leaving less than an hour free is refused: nothing
 * could be scheduled, or retried, in it.
 */
export function freeMinutesOfDay(windows: readonly QuietWindow[]): number {
  const quiet = new Uint8Array(24 * 60);
  for (const w of windows) {
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (start === end) continue;
    for (let m = start; m !== end; m = (m + 1) % (24 * 60)) quiet[m] = 1;
  }
  return quiet.reduce((free, q) => free + (q ? 0 : 1), 0);
}

export const MIN_FREE_MINUTES = 60;

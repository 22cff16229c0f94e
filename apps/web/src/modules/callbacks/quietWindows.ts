/**
 * Quiet windows of callbacks (docs/callbacks.md, "Quiet hours"): local times HH:MM in the business
 * time zone; a window whose end is before its start runs over midnight (21:00–09:00). The settings'
 * windows hold for every customer unless the customer told rest hours of their own.
 */
import type { FormInstance } from 'antd';
import { api, unwrap } from '../../api/client';
import { type FieldData, fieldErrorsOf } from '../../api/formErrors';
import type { BodyOf, ResponseOf } from '../../api/types';

export type CallbackSettings = ResponseOf<'/api/v1/callback-settings', 'get'>;
export type CallbackSettingsPatch = BodyOf<'/api/v1/callback-settings', 'patch'>;
export type QuietWindow = CallbackSettings['quietWindows'][number];

/** The server's limits (settings.schemas.ts / settings.rules.ts). */
export const MAX_QUIET_WINDOWS = 6;
export const MIN_FREE_MINUTES = 60;
export const DAY_MINUTES = 24 * 60;

export const callbackSettingsKey = ['callback-settings'] as const;
export const getCallbackSettings = () => unwrap(api.GET('/api/v1/callback-settings'));
export const updateCallbackSettings = (body: CallbackSettingsPatch) =>
  unwrap(api.PATCH('/api/v1/callback-settings', { body }));

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether a window runs over midnight (21:00 → 09:00 the next morning). */
export const overnight = (w: QuietWindow) => w.end < w.start;

/** The minutes of a day outside every window (the server's own reading: under an hour is refused). */
export function freeMinutesOfDay(windows: readonly QuietWindow[]): number {
  const quiet = new Uint8Array(DAY_MINUTES);
  for (const w of windows) {
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (Number.isNaN(start) || Number.isNaN(end) || start === end) continue;
    for (let m = start; m !== end; m = (m + 1) % DAY_MINUTES) quiet[m] = 1;
  }
  return quiet.reduce((free, q) => free + (q ? 0 : 1), 0);
}

/** The windows as one line ("12:00–14:00、21:00–次日 09:00"), `nextDay` prefixing an overnight end. */
export function windowsText(windows: readonly QuietWindow[], nextDay: string, separator: string): string {
  return windows.map((w) => `${w.start}–${overnight(w) ? `${nextDay}${w.end}` : w.end}`).join(separator);
}

/** A new row for the editor: the night first (21:00–09:00), then midday (12:00–14:00). */
export function nextWindow(windows: readonly QuietWindow[]): QuietWindow {
  return windows.length === 0 ? { start: '21:00', end: '09:00' } : { start: '12:00', end: '14:00' };
}

/**
 * Server field errors for a form with a `quietWindows` field (one control for the whole list): an
 * error on a window (`quietWindows/0/end`) or on the set (`callbacks.quiet_windows_too_wide`) goes
 * on that field; the other fields keep their name.
 */
export function quietFieldErrors(error: unknown): FieldData[] {
  const merged = new Map<string, FieldData>();
  for (const field of fieldErrorsOf(error)) {
    const name = field.name[0] === 'quietWindows' ? ['quietWindows'] : field.name;
    const key = JSON.stringify(name);
    const entry = merged.get(key) ?? { name, errors: [] };
    for (const text of field.errors) if (!entry.errors.includes(text)) entry.errors.push(text);
    merged.set(key, entry);
  }
  return [...merged.values()];
}

/** A number of minutes in words: which wording ("9 h", "9 h 30 min", "45 min") and its parts. */
export function durationParts(minutes: number): { key: 'hours' | 'hoursMinutes' | 'minutes'; h: number; m: number } {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { key: h === 0 ? 'minutes' : m === 0 ? 'hours' : 'hoursMinutes', h, m };
}

/** Puts the field errors of `error` on `form` (see quietFieldErrors); true when there were any. */
export function setQuietFieldErrors(form: FormInstance, error: unknown): boolean {
  const fields = quietFieldErrors(error);
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

/**
 * 回访规则 (the callback settings) ↔ the settings form: values from the settings, and the PATCH body
 * with only what changed (docs/callbacks.md: quiet hours, per-customer cap, retries, deadline).
 */
import type { CallbackSettings, CallbackSettingsPatch, QuietWindow } from '../quietWindows';

export type SettingsValues = {
  quietWindows: QuietWindow[];
  capDays: number | null;
  retriesPerDay: number | null;
  retryGapMinutes: number | null;
  deadlineWorkingDays: number | null;
};

export type NumberField = Exclude<keyof SettingsValues, 'quietWindows'>;

/** The numeric fields in the form's order, with the server's bounds. */
export const NUMBER_FIELDS: readonly { name: NumberField; min: number; max: number }[] = [
  { name: 'capDays', min: 0, max: 60 },
  { name: 'retriesPerDay', min: 0, max: 10 },
  { name: 'retryGapMinutes', min: 5, max: 600 },
  { name: 'deadlineWorkingDays', min: 1, max: 30 },
];

export function toSettingsValues(settings: CallbackSettings): SettingsValues {
  return {
    quietWindows: settings.quietWindows.map((w) => ({ start: w.start, end: w.end })),
    capDays: settings.capDays,
    retriesPerDay: settings.retriesPerDay,
    retryGapMinutes: settings.retryGapMinutes,
    deadlineWorkingDays: settings.deadlineWorkingDays,
  };
}

const sameWindows = (a: readonly QuietWindow[], b: readonly QuietWindow[]) =>
  a.length === b.length && a.every((w, i) => w.start === b[i]?.start && w.end === b[i]?.end);

/** The PATCH body: the fields that differ from `current` (an emptied number is left unchanged). */
export function toSettingsPatch(values: SettingsValues, current: CallbackSettings): CallbackSettingsPatch {
  const patch: CallbackSettingsPatch = {};
  const windows = values.quietWindows ?? [];
  if (!sameWindows(windows, current.quietWindows)) patch.quietWindows = windows.map((w) => ({ ...w }));
  for (const { name } of NUMBER_FIELDS) {
    const value = values[name];
    if (typeof value === 'number' && value !== current[name]) patch[name] = value;
  }
  return patch;
}

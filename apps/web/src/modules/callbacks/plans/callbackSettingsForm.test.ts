import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/ApiError';
import { type CallbackSettings, durationParts, freeMinutesOfDay, quietFieldErrors, windowsText } from '../quietWindows';
import { toSettingsPatch, toSettingsValues } from './callbackSettingsForm';

const settings: CallbackSettings = {
  quietWindows: [
    { start: '12:00', end: '14:00' },
    { start: '21:00', end: '09:00' },
  ],
  capDays: 7,
  retriesPerDay: 2,
  retryGapMinutes: 60,
  deadlineWorkingDays: 3,
  updatedAt: null,
};

describe('callback settings form', () => {
  it('sends nothing when nothing changed, and only the changed fields otherwise', () => {
    expect(toSettingsPatch(toSettingsValues(settings), settings)).toEqual({});
    const values = { ...toSettingsValues(settings), capDays: 0, retryGapMinutes: null };
    expect(toSettingsPatch(values, settings)).toEqual({ capDays: 0 });
    values.quietWindows = [{ start: '22:00', end: '08:00' }];
    expect(toSettingsPatch(values, settings)).toEqual({ capDays: 0, quietWindows: [{ start: '22:00', end: '08:00' }] });
    expect(toSettingsPatch({ ...toSettingsValues(settings), quietWindows: [] }, settings)).toEqual({
      quietWindows: [],
    });
  });

  it('reads the windows as the server does: over midnight, the free time of the day', () => {
    expect(freeMinutesOfDay(settings.quietWindows)).toEqual(24 * 60 - 120 - 12 * 60);
    expect(freeMinutesOfDay([])).toBe(24 * 60);
    expect(freeMinutesOfDay([{ start: '08:00', end: '07:30' }])).toBe(30);
    expect(windowsText(settings.quietWindows, '次日 ', '、')).toBe('12:00–14:00、21:00–次日 09:00');
    expect(durationParts(600)).toEqual({ key: 'hours', h: 10, m: 0 });
    expect(durationParts(90)).toEqual({ key: 'hoursMinutes', h: 1, m: 30 });
    expect(durationParts(30)).toEqual({ key: 'minutes', h: 0, m: 30 });
  });

  it('puts a refused window set on the windows field, other field errors on theirs', () => {
    const wide = new ApiError({
      status: 400,
      code: 'callbacks.quiet_windows_too_wide',
      message: '免打扰时段太宽',
      errors: [{ path: 'quietWindows', message: '' }],
    });
    expect(quietFieldErrors(wide)).toEqual([{ name: ['quietWindows'], errors: ['免打扰时段太宽'] }]);
    const invalid = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: '请求无效',
      errors: [
        { path: '/quietWindows/0/end', message: 'start and end must differ' },
        { path: '/quietWindows/1/end', message: 'start and end must differ' },
        { path: '/capDays', message: 'too big' },
      ],
    });
    expect(quietFieldErrors(invalid)).toEqual([
      { name: ['quietWindows'], errors: ['start and end must differ'] },
      { name: ['capDays'], errors: ['too big'] },
    ]);
  });
});

/** Labels of survey enums and the sending rules summary, shared by the pages. */
import type { TFunction } from 'i18next';
import { splitMinutes } from './surveyForm';
import { formatFraction } from './surveyResults';
import { STAFF_ROLES, type SurveySummary } from './types';

type T = TFunction<'surveys'>;

/** A staff role's label: the known ones translated, any other named as typed. */
export function roleLabel(t: T, role: string | null | undefined): string {
  if (!role) return t('role.agent');
  return (STAFF_ROLES as readonly string[]).includes(role)
    ? t(`role.${role as (typeof STAFF_ROLES)[number]}`)
    : t('role.other', { role });
}

/** `90` minutes → `1.5 小时`. */
export function durationLabel(t: T, minutes: number): string {
  const { value, unit } = splitMinutes(minutes);
  return t(`units.${unit}`, { n: value });
}

/** One line: when the invitation goes, to which share, for how long, and the reminder. */
export function rulesSummary(t: T, survey: SurveySummary): string {
  const main =
    survey.trigger === 'manual'
      ? t('list.manual', { days: survey.expiryDays })
      : t('list.auto', {
          delay: durationLabel(t, survey.delayAfterCloseMinutes),
          rate: formatFraction(survey.samplingRate).replace('.0%', '%'),
          days: survey.expiryDays,
        });
  return survey.reminderAfterDays ? `${main} · ${t('list.reminder', { days: survey.reminderAfterDays })}` : main;
}

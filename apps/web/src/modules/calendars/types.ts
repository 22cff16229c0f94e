/** Business calendar types, from the generated client (api/types.ts). */

import type { BodyOf, ResponseOf } from '../../api/types';

/** Minutes from local midnight: [start, end). */
export type Period = [number, number];
export type DayOverrideKind = 'off' | 'work';

export type CalendarListItem = ResponseOf<'/api/v1/business-calendars', 'get'>['items'][number];
/** A calendar with its weekly periods (index 0 = Sunday) and its own days (over the official ones). */
export type BusinessCalendar = ResponseOf<'/api/v1/business-calendars/{id}', 'get'>;
export type CalendarOwnDay = BusinessCalendar['days'][number];
export type CalendarBody = Omit<BodyOf<'/api/v1/business-calendars/{id}', 'put'>, 'version'>;
/** The merged year: official arrangements + the calendar's own days. */
export type CalendarYear = ResponseOf<'/api/v1/business-calendars/{id}/year/{year}', 'get'>;
export type YearDay = CalendarYear['days'][number];
export type CalendarVersion = ResponseOf<'/api/v1/business-calendars/{id}/versions', 'get'>['items'][number];

export type OfficialYears = ResponseOf<'/api/v1/business-calendars/official/years', 'get'>;
export type OfficialYearSummary = OfficialYears['years'][number];
export type OfficialYear = ResponseOf<'/api/v1/business-calendars/official/years/{year}', 'get'>;
/** A day of a year's arrangement as the editor writes it. */
export type OfficialDay = { date: string; kind: DayOverrideKind; nameZh: string; nameEn: string };
export type OfficialImportResult = ResponseOf<'/api/v1/business-calendars/official/years/import', 'post'>;

/** The calendar as a change would leave it: what the preview computes the deadlines from. */
export type CalendarDraft = BodyOf<'/api/v1/sla/calendar-preview', 'post'>['draft'];
/** The open tickets whose deadlines a draft moves (before → after). */
export type CalendarPreview = ResponseOf<'/api/v1/sla/calendar-preview', 'post'>;
export type MovedDeadline = CalendarPreview['items'][number];

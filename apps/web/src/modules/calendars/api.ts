import { ApiError } from '../../api/ApiError';
import { api, CSRF_COOKIE, CSRF_HEADER, readCookie, unwrap } from '../../api/client';
import { i18n } from '../../i18n';
import type {
  BusinessCalendar,
  CalendarBody,
  CalendarDraft,
  DayOverrideKind,
  OfficialDay,
  OfficialImportResult,
} from './types';

export const calendarsKey = ['business-calendars'] as const;
export const officialKey = [...calendarsKey, 'official'] as const;
const base = '/api/v1/business-calendars';

const path = (id: string) => ({ params: { path: { id } } });

export const listCalendars = () => unwrap(api.GET('/api/v1/business-calendars'));
/** The first working period's start of the next working day (holidays and 调休 make-up days counted). */
export const getNextWorkingStart = (id: string, from?: string) =>
  unwrap(
    api.GET('/api/v1/business-calendars/{id}/next-working-start', {
      params: { path: { id }, query: from ? { from } : {} },
    }),
  );
/** The periods are [start, end] pairs (openapi-fetch's types widen tuples to arrays). */
export const getCalendar = (id: string) =>
  unwrap(api.GET('/api/v1/business-calendars/{id}', path(id))) as Promise<BusinessCalendar>;
export const createCalendar = (body: CalendarBody & { id?: string }) =>
  unwrap(api.POST('/api/v1/business-calendars', { body }));
export const updateCalendar = (id: string, body: CalendarBody & { version: number }) =>
  unwrap(api.PUT('/api/v1/business-calendars/{id}', { ...path(id), body }));
export const getCalendarYear = (id: string, year: number) =>
  unwrap(api.GET('/api/v1/business-calendars/{id}/year/{year}', { params: { path: { id, year } } }));
export const putCalendarDay = (
  id: string,
  date: string,
  body: { kind: DayOverrideKind; name: string; version: number },
) => unwrap(api.PUT('/api/v1/business-calendars/{id}/days/{date}', { params: { path: { id, date } }, body }));
export const deleteCalendarDay = (id: string, date: string, version: number) =>
  unwrap(
    api.DELETE('/api/v1/business-calendars/{id}/days/{date}', { params: { path: { id, date }, query: { version } } }),
  );
export const listCalendarVersions = (id: string) =>
  unwrap(api.GET('/api/v1/business-calendars/{id}/versions', path(id)));

const yearPath = (year: number) => ({ params: { path: { year } } });
export const listOfficialYears = () => unwrap(api.GET('/api/v1/business-calendars/official/years'));
export const getOfficialYear = (year: number) =>
  unwrap(api.GET('/api/v1/business-calendars/official/years/{year}', yearPath(year)));
export const putOfficialYear = (year: number, days: OfficialDay[]) =>
  unwrap(api.PUT('/api/v1/business-calendars/official/years/{year}', { ...yearPath(year), body: { days } }));

/** Open tickets whose deadlines the draft would move (computed by the SLA module). */
export const previewCalendar = (calendarId: string, draft: CalendarDraft) =>
  unwrap(api.POST('/api/v1/sla/calendar-preview', { body: { calendarId, draft } }));

/**
 * Uploads an .ics or .json arrangement (multipart, field `file`; `dryRun` only parses). Done with
 * fetch because the typed client speaks JSON; the same headers and errors as every other call.
 */
export async function importOfficial(file: File, dryRun: boolean): Promise<OfficialImportResult> {
  const body = new FormData();
  body.append('dryRun', String(dryRun));
  body.append('file', file, file.name);
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'zh-CN' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(`${base}/official/years/import?dryRun=${dryRun}`, {
      method: 'POST',
      body,
      headers,
      credentials: 'include',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: i18n.t('common:errors.network') });
  }
  if (!response.ok)
    throw await ApiError.fromResponse(response, i18n.t('common:errors.http', { status: response.status }));
  return (await response.json()) as OfficialImportResult;
}

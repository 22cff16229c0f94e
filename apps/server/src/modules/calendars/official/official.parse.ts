import type { MessageRef } from '@kefu/shared';
import ICAL from 'ical.js';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { OfficialDay } from '../calendars.official.js';

/**
 * Reading an official arrangement (放假安排) from a file: an iCalendar feed (`.ics`, e.g. a
 * holiday calendar subscription) or JSON — `{ year, days: [{ date, kind, nameZh, nameEn }] }` or
 * the `chinese-days` shape `{ holidays: { date: "English,中文,n" }, workdays: { … } }`. Pure and
 * bounded: the caller limits the bytes; here at most MAX_EVENTS events (or entries) and MAX_DAYS days.
 *
 * iCal: an event's days are its dates [DTSTART, DTEND) (an all-day event ending the next day is one
 * day); an event whose summary says 班 / 补班 / 上班 / "working day" makes those days make-up
 * working days (调休上班), any other event days off. Its name is the summary without those words.
 */

export const MAX_EVENTS = 1000;
export const MAX_DAYS = 2000;
/** A longer event is not a holiday (e.g. a "school term" entry in a subscribed calendar): skipped. */
const MAX_EVENT_DAYS = 31;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2060;

export type ParsedArrangement = { days: OfficialDay[]; warnings: MessageRef[] };

/** English names of the official holidays, as `chinese-days` spells them. */
const ENGLISH: [RegExp, string][] = [
  [/元旦/, "New Year's Day"],
  [/春节|除夕/, 'Spring Festival'],
  [/清明/, 'Tomb-sweeping Day'],
  [/劳动|五一/, 'Labour Day'],
  [/端午/, 'Dragon Boat Festival'],
  [/中秋/, 'Mid-autumn Festival'],
  [/国庆/, 'National Day'],
];
const CHINESE: [RegExp, string][] = [
  [/new year/i, '元旦'],
  [/spring festival|chinese new year|lunar new year/i, '春节'],
  [/tomb|qingming/i, '清明'],
  [/labou?r|may day/i, '劳动节'],
  [/dragon boat/i, '端午'],
  [/mid-?autumn/i, '中秋'],
  [/national day/i, '国庆节'],
];

const WORK = /补班|上班|班|working day|work day|workday/i;
const NOISE =
  /[(（【[][^)）】\]]*[)）】\]]|补班|上班|调休|放假|假期|休息|休|班|working day|work day|workday|day off|holidays?/gi;

function names(summary: string): { nameZh: string; nameEn: string } {
  const cleaned = summary
    .replace(NOISE, ' ')
    .replace(/[\s\-–—·,，、:：]+$/u, '')
    .replace(/^[\s\-–—·,，、:：]+/u, '');
  const base = (cleaned.trim() || summary.trim()).slice(0, 40);
  const hasHan = /\p{Script=Han}/u.test(base);
  const pick = (table: [RegExp, string][]) =>
    table
      .filter(([re]) => re.test(base))
      .map(([, name]) => name)
      .join(hasHan ? ', ' : '、');
  if (hasHan) return { nameZh: base, nameEn: pick(ENGLISH) || base };
  return { nameZh: pick(CHINESE) || base, nameEn: base };
}

const DAY = 86_400_000;
const dateOf = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** Collects days, later entries replacing earlier ones on the same date (with a warning). */
class Collector {
  readonly byDate = new Map<string, OfficialDay>();
  readonly warnings: MessageRef[] = [];

  add(day: OfficialDay): void {
    const ms = Date.parse(`${day.date}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day.date) throw invalid(day.date);
    const year = Number(day.date.slice(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      this.warnings.push({
        key: 'calendars.import.out_of_range',
        params: { date: day.date, from: FIRST_YEAR, to: LAST_YEAR },
      });
      return;
    }
    if (this.byDate.has(day.date))
      this.warnings.push({ key: 'calendars.import.repeated', params: { date: day.date, name: day.nameZh } });
    this.byDate.set(day.date, day);
    if (this.byDate.size > MAX_DAYS)
      throw new AppError('calendars.import_too_many', 400, { params: { limit: MAX_DAYS } });
  }

  result(): ParsedArrangement {
    const days = [...this.byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
    if (days.length === 0) throw new AppError('calendars.import_empty', 400);
    return { days, warnings: this.warnings };
  }
}

const invalid = (reason: string) => new AppError('calendars.import_invalid', 400, { params: { reason } });

export function parseIcs(text: string): ParsedArrangement {
  const events = (text.match(/^BEGIN:VEVENT/gim) ?? []).length;
  if (events > MAX_EVENTS) throw new AppError('calendars.import_too_many', 400, { params: { limit: MAX_EVENTS } });
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message.slice(0, 200) : 'iCalendar');
  }
  if (root.name !== 'vcalendar') throw invalid('BEGIN:VCALENDAR');
  const out = new Collector();
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const summary = (event.summary ?? '').trim();
    const start = event.startDate;
    if (!start) {
      out.warnings.push({ key: 'calendars.import.no_date' });
      continue;
    }
    if (event.isRecurring()) out.warnings.push({ key: 'calendars.import.recurring', params: { name: summary } });
    const first = dateOf(start.year, start.month, start.day);
    const end = event.endDate;
    let count = 1;
    if (end) {
      const last = dateOf(end.year, end.month, end.day);
      // An all-day DTEND is exclusive; a timed event ending at midnight does not take that day.
      const endsAtMidnight = end.isDate || (end.hour === 0 && end.minute === 0 && end.second === 0);
      count = Math.max(1, daysBetween(first, last) + (endsAtMidnight ? 0 : 1));
    }
    if (count > MAX_EVENT_DAYS) {
      out.warnings.push({ key: 'calendars.import.too_long', params: { name: summary, days: count } });
      continue;
    }
    const kind = WORK.test(summary) ? 'work' : 'off';
    const { nameZh, nameEn } = names(summary);
    for (let i = 0; i < count; i += 1) out.add({ date: addDays(first, i), kind, nameZh, nameEn });
  }
  return out.result();
}

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const KefuJson = z.object({
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  days: z
    .array(
      z.object({
        date: DateText,
        kind: z.enum(['off', 'work']),
        nameZh: z.string().trim().min(1).max(40),
        nameEn: z.string().trim().max(80).optional(),
      }),
    )
    .max(MAX_EVENTS),
});
const Labels = z.record(DateText, z.string().max(200));
const ChineseDaysJson = z.object({ holidays: Labels, workdays: Labels });

/** JSON: Kefu's own shape (one year) or the `chinese-days` data shape (any years). */
export function parseJson(text: string): ParsedArrangement & { year?: number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message.slice(0, 200) : 'JSON');
  }
  const out = new Collector();
  const kefu = KefuJson.safeParse(data);
  if (kefu.success) {
    for (const d of kefu.data.days)
      out.add({ date: d.date, kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn || names(d.nameZh).nameEn });
    return { ...out.result(), year: kefu.data.year };
  }
  const cd = ChineseDaysJson.safeParse(data);
  if (!cd.success) {
    const issue = kefu.error.issues[0];
    throw invalid(issue ? `${issue.path.join('.') || '/'}: ${issue.message}` : 'JSON');
  }
  const entries = Object.keys(cd.data.holidays).length + Object.keys(cd.data.workdays).length;
  if (entries > MAX_DAYS) throw new AppError('calendars.import_too_many', 400, { params: { limit: MAX_DAYS } });
  const add = (date: string, kind: 'off' | 'work', label: string) => {
    const [nameEn = '', nameZh = ''] = label.split(',');
    out.add({ date, kind, nameZh: nameZh.trim() || nameEn.trim(), nameEn: nameEn.trim() || nameZh.trim() });
  };
  for (const [date, label] of Object.entries(cd.data.holidays)) add(date, 'off', label);
  for (const [date, label] of Object.entries(cd.data.workdays)) add(date, 'work', label);
  return out.result();
}

/** Which parser a file takes: by its extension, else by its first characters; undefined: neither. */
export function fileKind(fileName: string, text: string): 'ics' | 'json' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ics') || lower.endsWith('.ical') || lower.endsWith('.ifb')) return 'ics';
  if (lower.endsWith('.json')) return 'json';
  const head = text.trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ics';
  if (head.startsWith('{')) return 'json';
  return undefined;
}

/** Decodes and parses an uploaded arrangement (UTF-8, a BOM allowed). */
export function parseArrangement(fileName: string, bytes: Uint8Array): ParsedArrangement & { year?: number } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid('UTF-8');
  }
  const kind = fileKind(fileName, text);
  if (!kind) throw new AppError('calendars.import_unsupported', 415);
  return kind === 'ics' ? parseIcs(text) : parseJson(text);
}

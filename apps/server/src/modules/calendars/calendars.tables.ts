import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Period } from './calendar.engine.js';

/**
 * The State Council's holiday arrangements (放假安排): each day off (`off`) and each adjusted working
 * day (调休 `work`) of a year, seeded from the `chinese-days` data and editable by administrators (a
 * year can be imported when it is announced). Calendars that follow them read them.
 */
export const officialDays = pgTable('official_days', {
  date: text('date').primaryKey(),
  kind: text('kind').$type<'off' | 'work'>().notNull(),
  /** The holiday's name in Chinese and English (元旦 / New Year's Day). */
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  source: text('source').$type<'seed' | 'admin'>().notNull().default('seed'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A business calendar: weekly working periods in a time zone, whether it follows the official
 * arrangements, and its own extra days. `version` grows with every change (compiled calendars are
 * cached per version on every instance).
 */
export const businessCalendars = pgTable('business_calendars', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  /** Index 0 = Sunday … 6 = Saturday; minutes from local midnight. */
  weekly: jsonb('weekly').$type<Period[][]>().notNull(),
  /** The periods a make-up working day (调休) works. */
  workday: jsonb('workday').$type<Period[]>().notNull(),
  followsOfficial: boolean('follows_official').notNull().default(true),
  isBuiltin: boolean('is_builtin').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A calendar's own days, over the official ones: a company holiday, an extra working Saturday. */
export const businessCalendarDays = pgTable(
  'business_calendar_days',
  {
    calendarId: text('calendar_id')
      .notNull()
      .references(() => businessCalendars.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    kind: text('kind').$type<'off' | 'work'>().notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.date] })],
);

/**
 * Every version of a calendar (and of the official arrangements, `calendarId` = '*official*'):
 * what it was after the change, who changed it and why — the calendar page lists them.
 */
export const businessCalendarVersions = pgTable(
  'business_calendar_versions',
  {
    calendarId: text('calendar_id').notNull(),
    version: integer('version').notNull(),
    /** The calendar after the change: settings and own days (or the official year that changed). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    summary: text('summary').notNull().default(''),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.version] })],
);

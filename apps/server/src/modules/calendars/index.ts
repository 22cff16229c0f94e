/** The calendars module's API for other modules. */
export {
  CalendarRangeError,
  CompiledCalendar,
  type DayKind,
  type DayOverride,
  type DaySource,
  type Period,
} from './calendar.engine.js';
export { calendarInfo, compileDraftCalendar, type DraftCalendar } from './calendars.lookups.js';
export { CN_WORKDAYS, compiledCalendar, seedCalendars } from './calendars.service.js';

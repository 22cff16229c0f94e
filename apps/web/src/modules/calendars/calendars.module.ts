import { page, type WebModule } from '../../webModule';

/**
 * Business calendars (工作日历): the list, a calendar's year view with holidays and 调休 days (click a
 * day to change it, after a preview of the deadlines that move), its versions, and the official
 * arrangements by year (edit, import). For administrators (calendars.manage).
 */
export const calendarsModule: WebModule = {
  name: 'calendars',
  namespaces: ['calendars'],
  routes: [
    {
      path: '/admin/calendars',
      order: 45,
      nameKey: 'calendars',
      access: 'calendars.manage',
      element: page(() => import('./CalendarsPage'), 'CalendarsPage'),
    },
    {
      path: '/admin/calendars/:id',
      order: 46,
      nameKey: 'calendar',
      access: 'calendars.manage',
      hideInMenu: true,
      element: page(() => import('./CalendarPage'), 'CalendarPage'),
    },
  ],
};

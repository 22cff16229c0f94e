import type { ModuleManifest } from '../../lib/module.js';
import { calendarsRoutes } from './calendars.routes.js';
import { calendarsOfficialModule } from './official/official.module.js';

/** Business calendars: working time, holidays and adjusted working days (the business-time calculator). */
export const calendarsModule: ModuleManifest = {
  name: 'calendars',
  description: 'Business calendars with official holidays and adjusted working days (调休); business-time calculator',
  permissions: ['calendars.manage'],
  routes: [{ plugin: calendarsRoutes, prefix: '/api/v1/business-calendars' }],
  errors: [
    'calendars.not_found',
    'calendars.out_of_range',
    'calendars.version_conflict',
    'calendars.id_taken',
    'calendars.id_reserved',
    'calendars.invalid_time_zone',
    'calendars.invalid_periods',
    'calendars.builtin_locked',
    'calendars.day_not_found',
    'calendars.invalid_date',
  ],
  events: ['calendar.changed'],
  parts: [calendarsOfficialModule],
};

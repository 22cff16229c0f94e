import type { ModuleManifest } from '../../lib/module.js';
import { calendarsRoutes } from './calendars.routes.js';

/** Business calendars: working time, holidays and adjusted working days (the business-time calculator). */
export const calendarsModule: ModuleManifest = {
  name: 'calendars',
  description: 'Business calendars with official holidays and adjusted working days (调休); business-time calculator',
  permissions: ['calendars.manage'],
  routes: [{ plugin: calendarsRoutes, prefix: '/api/v1/business-calendars' }],
  errors: ['calendars.not_found', 'calendars.out_of_range'],
};

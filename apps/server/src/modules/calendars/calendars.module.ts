import type { ModuleManifest } from '../../lib/module.js';

/** Business calendars: working time, holidays and adjusted working days (the business-time calculator). */
export const calendarsModule: ModuleManifest = {
  name: 'calendars',
};

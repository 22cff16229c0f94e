import type { ModuleManifest } from '../../../lib/module.js';
import { checkNextYearJob } from './official.jobs.js';
import { officialRoutes } from './official.routes.js';

/** The State Council's holiday arrangements: years on file, the form, iCal/JSON import, the missing-year notice. */
export const calendarsOfficialModule: ModuleManifest = {
  name: 'calendars/official',
  routes: [{ plugin: officialRoutes, prefix: '/api/v1/business-calendars/official/years' }],
  errors: [
    'calendars.date_outside_year',
    'calendars.duplicate_date',
    'calendars.import_file_missing',
    'calendars.import_file_too_large',
    'calendars.import_unsupported',
    'calendars.import_invalid',
    'calendars.import_too_many',
    'calendars.import_empty',
  ],
  jobs: [checkNextYearJob],
};

import { z } from 'zod';
import { defineJob } from '../../../jobs/definition.js';
import { checkNextYearMissing } from './official.service.js';

/**
 * Every morning (Asia/Shanghai): from 1 November, while next year's official arrangement is
 * missing, administrators get one in-app notice per year (official.service.ts).
 */
export const checkNextYearJob = defineJob({
  name: 'calendars.check_next_year',
  schema: z.object({}),
  cron: '20 8 * * *',
  retryLimit: 2,
  expireInSeconds: 120,
  async handler({ tx }) {
    await checkNextYearMissing(tx);
  },
});

import { z } from 'zod';
import { defineJob } from '../../../jobs/definition.js';
import type { RequestContext } from '../../../lib/actor.js';
import { localDate, quarterBefore } from './grading.scoring.js';
import { openRound } from './grading.service.js';

/**
 * Quarterly, on the first day of a quarter at 06:00 (business time zone): opens the evaluation
 * round for the quarter that just ended, e.g. "2026年第三季度客户等级评定" for 2026-07-01 – 09-30.
 * Idempotent: nothing happens when a round with that name or period exists (opened by hand
 * earlier, or by a redelivered job). `at` (optional) names the moment to compute the period from.
 */
export const openEvaluationRound = defineJob({
  name: 'customers.open_evaluation_round',
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }),
  cron: '0 6 1 1,4,7,10 *',
  async handler({ data, jobId, tx, deps }) {
    const period = quarterBefore(localDate(data.at ? new Date(data.at) : new Date(), deps.config.timezone));
    const ctx: RequestContext = {
      actor: null,
      ip: null,
      userAgent: 'job:customers.open_evaluation_round',
      requestId: jobId,
      locale: 'zh-CN',
    };
    // Records `customer.evaluation_round_opened` in this transaction when it opens one.
    await openRound(tx, ctx, period, { samePeriod: true });
  },
});

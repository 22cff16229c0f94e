import { z } from 'zod';
import { defineJob } from '../../../jobs/definition.js';
import { CALL_IMPORT_JOB, runImportJob } from './import.service.js';

/**
 * A large call import (see import.service.ts `runImportJob`). Outside a transaction: the calls are
 * stored in autocommitted batches, so progress shows while it runs and memory stays bounded. At
 * least once: a run whose worker died (kill -9) is failed by the sweeper within a minute and
 * pg-boss retries it; the retry reads the file again and the natural-key upserts make that safe.
 * Expiry: 1,000,000 queue_log lines take ~10–30 s; 30 minutes leaves room for a 512 MB CSV on a
 * loaded machine.
 */
export const importCallsJob = defineJob({
  name: CALL_IMPORT_JOB,
  schema: z.object({ importId: z.uuid() }),
  transaction: false,
  retryLimit: 3,
  retryDelaySeconds: 10,
  expireInSeconds: 30 * 60,
  async handler({ data, deps }) {
    await runImportJob(deps, data.importId);
  },
});

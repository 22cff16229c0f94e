import { z } from 'zod';
import { defineJob } from '../../../jobs/definition.js';
import { AppError } from '../../../lib/app-error.js';
import { missingImap } from '../settings.config.js';
import { readSettings } from '../settings.repository.js';
import { pollMailbox } from './imap.poll.js';

/**
 * Every minute: reads the IMAP mailbox when polling is enabled and the mailbox is set up. Not
 * transactional (each mail is its own transaction, exactly once by its Message-ID); a failure to
 * reach the mailbox is recorded on the settings (`lastPollError`) and the next minute tries again.
 */
export const pollEmail = defineJob({
  name: 'email.poll',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  transaction: false,
  retryLimit: 0,
  expireInSeconds: 600,
  async handler({ deps }) {
    const settings = await readSettings(deps.database.db);
    if (!settings.pollingEnabled || missingImap(settings).length > 0) return;
    try {
      await pollMailbox(deps);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  },
});

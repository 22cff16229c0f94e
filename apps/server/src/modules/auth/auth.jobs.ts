import { lt } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../jobs/definition.js';
import { purgeThrottles } from './auth.repository.js';
import { sessions } from './auth.tables.js';
import { FORGET_FAILURES_AFTER_MS } from './lockout.js';

/** Nightly: drop sessions that expired and sign-in failures old enough to be forgotten. */
export const purgeExpiredSessions = defineJob({
  name: 'auth.purge_expired_sessions',
  schema: z.object({}),
  cron: '17 3 * * *',
  async handler({ tx }) {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await purgeThrottles(tx, new Date(Date.now() - FORGET_FAILURES_AFTER_MS));
  },
});

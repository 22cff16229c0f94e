import { lt } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema/index.js';
import { defineJob } from '../../jobs/definition.js';

/** Nightly: drop sessions that expired, so the table holds only live ones. */
export const purgeExpiredSessions = defineJob({
  name: 'auth.purge_expired_sessions',
  schema: z.object({}),
  cron: '17 3 * * *',
  async handler({ tx }) {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  },
});

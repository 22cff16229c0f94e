import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Completion markers that make each job's database effects happen exactly once (see jobs/runner.ts). */
export const jobRuns = pgTable('job_runs', {
  jobId: text('job_id').primaryKey(),
  name: text('name').notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which one-time seeds ran (demo organisation, …), so that a restart never seeds twice. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});

import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Completion markers that make each job's database effects happen exactly once (see jobs/runner.ts). */
export const jobRuns = pgTable('job_runs', {
  jobId: text('job_id').primaryKey(),
  name: text('name').notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who is running which pg-boss job right now (see jobs/leases.ts): a worker writes its lease when
 * it fetches a job, renews `heartbeat_at` every few seconds and deletes it when the job's outcome
 * is recorded. A lease whose holder has died (its heartbeat went stale, or its process is gone
 * from this host) lets the sweeper fail the job at once instead of after its expiry.
 */
export const jobLeases = pgTable('job_leases', {
  jobId: text('job_id').primaryKey(),
  name: text('name').notNull(),
  /** `host/pid/start/boot/random` of the holding process (lib/process-liveness.ts). */
  owner: text('owner').notNull(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which one-time seeds ran (demo organisation, …), so that a restart never seeds twice. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
});

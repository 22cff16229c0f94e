import { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { defineJob } from '../../../jobs/definition.js';
import type { Deps } from '../../../lib/deps.js';
import { unfinishedTicketIdsAfter } from '../../tickets/index.js';
import { ensureSlaSeededIn } from '../policies/policies.seed.js';
import { liveClockTicketIdsAfter } from './clocks.repository.js';
import { recomputeTicketClocks } from './clocks.service.js';
import { RECOMPUTE_JOB } from './recompute-request.js';

/** Tickets recomputed per job run; the next chunk is the same job sent again (in this run's transaction). */
export const RECOMPUTE_CHUNK = 500;

const RecomputeDataSchema = z.object({
  /** A calendar changed (null: the official arrangements): the tickets with clocks going on it. */
  calendarId: z.string().nullable().optional(),
  /** A policy changed: every unfinished ticket (the change may add or take away clocks). */
  policyId: z.string().optional(),
  /** Settings changed or the defaults were seeded: every unfinished ticket. */
  all: z.boolean().optional(),
  /** The last ticket id of the previous chunk. */
  after: z.string().optional(),
});
export type RecomputeData = z.infer<typeof RecomputeDataSchema>;

/**
 * One chunk of a recompute: the next RECOMPUTE_CHUNK tickets the change concerns, each rebuilt
 * from its history; a full chunk sends the job again for the rest, so every run stays short and a
 * restart goes on from the last committed chunk. Returns how many tickets it recomputed.
 */
export async function recomputeChunk(tx: Tx, deps: Deps, data: RecomputeData, now = new Date()): Promise<number> {
  const after = data.after ?? null;
  const ids =
    data.all || data.policyId || data.calendarId === undefined
      ? await unfinishedTicketIdsAfter(tx, after, RECOMPUTE_CHUNK)
      : await liveClockTicketIdsAfter(tx, { calendarId: data.calendarId }, after, RECOMPUTE_CHUNK);
  for (const id of ids) await recomputeTicketClocks(tx, deps, id, now);
  const last = ids[ids.length - 1];
  if (ids.length === RECOMPUTE_CHUNK && last && deps.jobs.started)
    await deps.jobs.send(RECOMPUTE_JOB, { ...data, after: last }, { tx });
  return ids.length;
}

/** `sla.recompute` { calendarId?, policyId?, all? }: open clocks rebuilt after a calendar, policy or settings change. */
export const slaRecompute = defineJob({
  name: RECOMPUTE_JOB,
  schema: RecomputeDataSchema,
  retryLimit: 5,
  expireInSeconds: 600,
  async handler({ tx, deps, data }) {
    await ensureSlaSeededIn(tx, deps);
    await recomputeChunk(tx, deps, data);
  },
});

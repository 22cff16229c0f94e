import type { Tx } from '../../../db/client.js';
import type { Deps } from '../../../lib/deps.js';

/** The job that recomputes open clocks (sla.recompute.ts defines it). */
export const RECOMPUTE_JOB = 'sla.recompute';

export type RecomputeRequest = { policyId?: string; calendarId?: string | null; all?: boolean };

/**
 * Asks for the clocks a change affects to be recomputed: the `sla.recompute` job, sent in the
 * transaction of the change (it runs only if the change commits). Without a job runner (jobs
 * disabled: tests, CLI) nothing is sent; the clocks are recomputed at the ticket's next change.
 */
export async function requestRecompute(tx: Tx, deps: Deps, request: RecomputeRequest): Promise<void> {
  if (deps.jobs.started) await deps.jobs.send(RECOMPUTE_JOB, request, { tx });
}

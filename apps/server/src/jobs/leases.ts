import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { jobLeases } from '../db/schema/system.js';
import { currentProcess, isProcessAlive, parseIdentity } from '../lib/process-liveness.js';

/** A running job's worker renews its lease this often (PostgreSQL; see `renew`). */
export const HEARTBEAT_SECONDS = 5;
/** A lease not renewed for this long belongs to a worker that is gone (or frozen). */
export const LEASE_STALE_SECONDS = 30;

/** An active job as the sweeper sees it. */
export type ActiveJob = {
  id: string;
  name: string;
  data: unknown;
  startedLongAgo: boolean;
  owner: string | null;
  heartbeatStale: boolean;
};

/**
 * The leases this process holds on the jobs it runs (table `job_leases`). The owner names this
 * process (host, PID, start time — lib/process-liveness.ts), so a sweeper on the same host knows at
 * once when it has died; a sweeper on another host knows it by the heartbeat going stale.
 */
export class JobLeases {
  readonly owner = JSON.stringify(currentProcess());
  private readonly running = new Set<string>();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  /** Called with the jobs just fetched, before they run; a retried job's old lease is replaced. */
  async take(name: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) this.running.add(id);
    await this.database.db
      .insert(jobLeases)
      .values(ids.map((jobId) => ({ jobId, name, owner: this.owner })))
      .onConflictDoUpdate({
        target: jobLeases.jobId,
        set: { owner: this.owner, heartbeatAt: sql`now()` },
      })
      .catch((error: unknown) => this.logger.warn({ err: error, job: name }, 'could not write job leases'));
  }

  /** Called once the jobs' outcome is recorded (or could not be). */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) this.running.delete(id);
    await this.database.db
      .delete(jobLeases)
      .where(and(inArray(jobLeases.jobId, ids), eq(jobLeases.owner, this.owner)))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not delete job leases'));
  }

  /**
   * Renews the heartbeat of every lease this process holds, in one statement. A lease that is no
   * longer ours was taken by a sweeper that found us frozen: the job's outcome will be its.
   */
  async renew(): Promise<void> {
    const ids = [...this.running];
    if (ids.length === 0) return;
    const renewed = await this.database.db
      .update(jobLeases)
      .set({ heartbeatAt: sql`now()` })
      .where(and(inArray(jobLeases.jobId, ids), eq(jobLeases.owner, this.owner)))
      .returning({ jobId: jobLeases.jobId });
    const lost = ids.filter((id) => this.running.has(id) && !renewed.some((r) => r.jobId === id));
    if (lost.length > 0) this.logger.warn({ jobIds: lost }, 'job leases lost: a sweeper took them over');
  }

  /** Active pg-boss jobs of these queues with their leases, as seen by the database's clock. */
  async activeJobs(names: string[]): Promise<ActiveJob[]> {
    const { rows } = await this.database.executeSql(
      `SELECT j.id::text AS id, j.name, j.data,
              j.started_on < now() - make_interval(secs => $2) AS "startedLongAgo",
              l.owner, COALESCE(l.heartbeat_at < now() - make_interval(secs => $2), false) AS "heartbeatStale"
         FROM pgboss.job j LEFT JOIN job_leases l ON l.job_id = j.id::text
        WHERE j.state = 'active' AND j.name = ANY($1::text[])`,
      [names, LEASE_STALE_SECONDS],
    );
    return rows as ActiveJob[];
  }

  /**
   * Whether the job was abandoned: its lease names a process of this host that no longer runs, or
   * its heartbeat is stale (a holder elsewhere), or it never got a lease and started long ago (the
   * worker died between fetching and writing the lease).
   */
  static abandoned(job: ActiveJob): { abandoned: boolean; ownerDead: boolean } {
    if (!job.owner) return { abandoned: job.startedLongAgo, ownerDead: false };
    const owner = parseIdentity(job.owner);
    const alive = owner ? isProcessAlive(owner) : undefined;
    if (alive === false) return { abandoned: true, ownerDead: true };
    return { abandoned: alive === undefined && job.heartbeatStale, ownerDead: false };
  }

  /**
   * Takes the lease of an abandoned job over, so that exactly one sweeper (of all instances)
   * handles it: a compare-and-set on the owner it saw, rechecking staleness in the database.
   */
  async claim(job: ActiveJob, ownerDead: boolean): Promise<boolean> {
    if (!job.owner) {
      const { rows } = await this.database.executeSql(
        `INSERT INTO job_leases (job_id, name, owner) VALUES ($1, $2, $3)
         ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
        [job.id, job.name, this.owner],
      );
      return rows.length > 0;
    }
    const { rows } = await this.database.executeSql(
      `UPDATE job_leases SET owner = $3, heartbeat_at = now()
        WHERE job_id = $1 AND owner = $2
          AND ($4::boolean OR heartbeat_at < now() - make_interval(secs => $5))
        RETURNING job_id`,
      [job.id, job.owner, this.owner, ownerDead, LEASE_STALE_SECONDS],
    );
    return rows.length > 0;
  }
}

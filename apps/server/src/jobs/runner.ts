import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database, Tx } from '../db/client.js';
import { jobRuns } from '../db/schema/system.js';
import { executeSqlIn } from '../db/tx-sql.js';
import type { Deps } from '../lib/deps.js';
import type { JobDefinition } from './definition.js';
import { HEARTBEAT_SECONDS, JobLeases } from './leases.js';
import { type SweepOutcome, sweepAbandonedJobs } from './sweeper.js';

/**
 * `tx`: send inside the caller's transaction — the job exists only if it commits, and the workers
 * of every instance are woken (NOTIFY on JOBS_CHANNEL) when it does.
 */
export type SendOptions = { id?: string; singletonKey?: string; startAfter?: Date | number; tx?: Tx };

/** Carries the queue name of a job sent in a transaction, on commit, to the workers of every instance. */
export const JOBS_CHANNEL = 'kefu_jobs';

/** How often each instance looks for jobs abandoned by a stopped worker (and once at start). */
const SWEEP_SECONDS = 10;

/**
 * pg-boss on either engine: on PostgreSQL it keeps its own small pool, so that jobs are fetched
 * with SKIP LOCKED and each runs once across every app instance; on PGlite it goes through the
 * database's `executeSql`, in-process. Definitions are the same in both cases.
 */
export class JobRunner {
  private boss: PgBoss | undefined;
  private readonly definitions = new Map<string, JobDefinition>();
  private loops: Promise<void>[] = [];
  private readonly wakers = new Map<string, () => void>();
  private stopping = false;
  private readonly leases: JobLeases;
  private timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | undefined;
  private readonly periodic = new Set<Promise<unknown>>();
  private deps: Deps | undefined;

  constructor(
    private readonly options: {
      database: Database;
      config: Config;
      logger: Logger;
      definitions: JobDefinition[];
    },
  ) {
    for (const definition of options.definitions) this.definitions.set(definition.name, definition);
    this.leases = new JobLeases(options.database, options.logger);
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** The names of the jobs this runner knows (the module manifests' and any a test added). */
  get jobNames(): string[] {
    return [...this.definitions.keys()];
  }

  /** Creates pg-boss's schema if needed, declares queues and schedules, and (unless `workers: false`) starts workers. */
  async start(deps: Deps, { workers = true }: { workers?: boolean } = {}): Promise<void> {
    const { database, config, logger } = this.options;
    const { maintenanceIntervalSeconds } = config.jobs;
    const maintenance = maintenanceIntervalSeconds ? { maintenanceIntervalSeconds } : {};
    const boss =
      database.kind === 'postgres' && config.database.kind === 'postgres'
        ? new PgBoss({ connectionString: config.database.url, max: 4, application_name: 'kefu-jobs', ...maintenance })
        : new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) }, ...maintenance });
    boss.on('error', (error) => logger.error({ err: error }, 'job runner error'));
    await boss.start();
    this.boss = boss;
    this.stopping = false;
    for (const definition of this.definitions.values()) {
      await declareQueue(boss, definition);
      if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: config.timezone });
    }
    if (!workers) return;
    this.deps = deps;
    this.unlisten = await database.listen(JOBS_CHANNEL, (queue) => this.wakers.get(queue)?.());
    // Before this instance takes new work: settle what a stopped process left running.
    await this.sweep().catch((error: unknown) => logger.warn({ err: error }, 'could not sweep abandoned jobs'));
    this.every(SWEEP_SECONDS, () => this.sweep());
    // On PGlite one process holds the database (data-dir lock), so its jobs are judged by its
    // PID alone; renewing would only queue behind the running job's transaction.
    if (database.kind === 'postgres') this.every(HEARTBEAT_SECONDS, () => this.leases.renew());
    for (const definition of this.definitions.values()) {
      const loop = this.work(deps, boss, definition).catch((error: unknown) => {
        logger.error({ err: error, job: definition.name }, 'job loop stopped');
      });
      this.loops.push(loop);
    }
  }

  /**
   * One polling loop per queue, in place of pg-boss's `work()`: fetch a batch (SKIP LOCKED), run
   * its jobs one by one, fail each failing job on its own and complete the others together —
   * awaiting every call. (pg-boss's own worker leaves its complete()/fail() promises unhandled, so
   * a database outage during a job ended the process.) A full batch is followed at once by the
   * next fetch; otherwise the loop sleeps for the polling interval, or until this instance sends
   * a job to the queue.
   *
   * An outcome that cannot be recorded (the database is gone) leaves the job active: it expires
   * and is delivered again, and if its effects had committed, the job_runs marker makes that
   * redelivery a no-op.
   */
  private async work(deps: Deps, boss: PgBoss, definition: JobDefinition): Promise<void> {
    const { logger } = this.options;
    const batchSize = definition.batchSize ?? 1;
    const expireMs = (definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS) * 1000;
    while (!this.stopping) {
      let jobs: PgBoss.Job<unknown>[] = [];
      try {
        jobs = await boss.fetch(definition.name, { batchSize });
      } catch (error) {
        logger.warn({ err: error, job: definition.name }, 'could not fetch jobs');
      }
      await this.leases.take(
        definition.name,
        jobs.map((job) => job.id),
      );
      const done: string[] = [];
      for (const job of jobs) {
        logger.debug({ job: definition.name, jobId: job.id }, 'job started');
        try {
          await withTimeout(
            this.runOnce(deps, definition, job.id, job.data),
            expireMs,
            () => new Error(`job ${definition.name} ran longer than its expireInSeconds`),
          );
          done.push(job.id);
        } catch (error) {
          logger.warn({ err: error, jobId: job.id, job: definition.name }, 'job failed');
          await boss.fail(definition.name, job.id, (error ?? {}) as object).catch((failError: unknown) => {
            logger.warn({ err: failError, jobId: job.id, job: definition.name }, 'could not mark the job failed');
          });
        }
      }
      if (done.length > 0) {
        await boss.complete(definition.name, done).catch((error: unknown) => {
          logger.warn({ err: error, job: definition.name }, 'could not mark jobs completed; they will be redelivered');
        });
      }
      await this.leases.release(jobs.map((job) => job.id));
      if (jobs.length < batchSize && !this.stopping) {
        await this.sleep(definition.name, this.options.config.jobs.pollingIntervalSeconds * 1000);
      }
    }
  }

  /** Runs `fn` every `seconds`, one at a time, until stop(). */
  private every(seconds: number, fn: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || this.stopping) return;
      busy = true;
      const run = fn()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'periodic job-runner task failed'))
        .finally(() => {
          busy = false;
          this.periodic.delete(run);
        });
      this.periodic.add(run);
    }, seconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }

  /**
   * Settles the jobs whose worker stopped (crash, kill -9): they are failed as interrupted (or
   * completed, if their effects had committed) within a minute instead of after their expiry.
   * See jobs/sweeper.ts.
   */
  async sweep(): Promise<SweepOutcome> {
    const { boss, deps } = this;
    if (!boss || !deps) return { failed: [], completed: [] };
    const { database, logger } = this.options;
    return sweepAbandonedJobs({ boss, database, deps, definitions: this.definitions, leases: this.leases, logger });
  }

  private sleep(name: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        if (this.wakers.get(name) === wake) this.wakers.delete(name);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.set(name, wake);
    });
  }

  private async runOnce(deps: Deps, definition: JobDefinition, jobId: string, raw: unknown): Promise<void> {
    const data = definition.schema.parse(raw ?? {});
    if (definition.transaction === false) {
      // No transaction, no marker: at least once (the handler is idempotent). On PGlite its
      // statements queue behind any open transaction, since the one connection is serialised.
      await definition.handler({ data, jobId, deps });
      return;
    }
    await this.options.database.db.transaction(async (tx) => {
      const claimed = await tx
        .insert(jobRuns)
        .values({ jobId, name: definition.name })
        .onConflictDoNothing()
        .returning({ jobId: jobRuns.jobId });
      if (claimed.length === 0) return; // done before; this is a redelivery
      await definition.handler({ data, jobId, tx, deps });
    });
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Unknown job "${name}"`);
    if (!this.boss) throw new Error('The job runner is not started');
    const { tx, ...rest } = options;
    const parsed = definition.schema.parse(data) as object;
    if (tx) {
      const id = await this.boss.send(name, parsed, { ...rest, db: executeSqlIn(tx) });
      await tx.execute(sql`SELECT pg_notify(${JOBS_CHANNEL}, ${name})`);
      return id;
    }
    const id = await this.boss.send(name, parsed, rest);
    this.wakers.get(name)?.();
    return id;
  }

  async retry(name: string, id: string): Promise<void> {
    if (!this.boss) throw new Error('The job runner is not started');
    await this.boss.retry(name, id);
  }

  /** Lets running jobs finish (up to 10 s), then stops pg-boss. */
  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.unlisten?.();
    this.unlisten = undefined;
    this.timers = [];
    for (const wake of [...this.wakers.values()]) wake();
    const loops = [...this.loops, ...this.periodic];
    this.loops = [];
    await withTimeout(Promise.all(loops), 10_000, () => new Error('jobs still running')).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'stopping the job runner with jobs still running');
    });
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

const DEFAULT_EXPIRE_SECONDS = 15 * 60;

/**
 * Creates the definition's queue, or brings an existing one's options up to date: pg-boss's
 * createQueue leaves an existing queue as it is, so a release that changes a job's retries or
 * expiry would otherwise keep the first release's values for ever. Written only when they differ,
 * so instances booting together do not rewrite the row each time.
 */
async function declareQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  const options = {
    retryLimit: definition.retryLimit ?? 3,
    retryDelay: definition.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
  };
  const existing = await boss.getQueue(definition.name);
  if (!existing) {
    await boss.createQueue(definition.name, { name: definition.name, ...options });
    return;
  }
  const stale = (Object.keys(options) as (keyof typeof options)[]).some((key) => existing[key] !== options[key]);
  if (stale) await boss.updateQueue(definition.name, { name: definition.name, ...options });
}

function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import { jobRuns } from '../db/schema/index.js';
import type { Deps } from '../lib/deps.js';
import type { JobDefinition } from './definition.js';

export type SendOptions = { id?: string; singletonKey?: string; startAfter?: Date | number };

/**
 * pg-boss on either engine: on PostgreSQL it keeps its own small pool, so that jobs are fetched
 * with SKIP LOCKED and each runs once across every app instance; on PGlite it goes through the
 * database's `executeSql`, in-process. Definitions are the same in both cases.
 */
export class JobRunner {
  private boss: PgBoss | undefined;
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(
    private readonly options: {
      database: Database;
      config: Config;
      logger: Logger;
      definitions: JobDefinition[];
      /**
       * How often pg-boss maintenance runs (pg-boss default 120 s). Maintenance is what moves an
       * active job whose worker died (started_on + expireIn passed) back to retry; tests turn it down.
       */
      maintenanceIntervalSeconds?: number;
    },
  ) {
    for (const definition of options.definitions) this.definitions.set(definition.name, definition);
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** Creates pg-boss's schema if needed, declares queues and schedules, and (unless `workers: false`) starts workers. */
  async start(deps: Deps, { workers = true }: { workers?: boolean } = {}): Promise<void> {
    const { database, config, logger, maintenanceIntervalSeconds } = this.options;
    const maintenance = maintenanceIntervalSeconds ? { maintenanceIntervalSeconds } : {};
    const boss =
      database.kind === 'postgres' && config.database.kind === 'postgres'
        ? new PgBoss({ connectionString: config.database.url, max: 4, application_name: 'kefu-jobs', ...maintenance })
        : new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) }, ...maintenance });
    boss.on('error', (error) => logger.error({ err: error }, 'job runner error'));
    await boss.start();
    this.boss = boss;
    for (const definition of this.definitions.values()) {
      await boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit ?? 3,
        retryDelay: definition.retryDelaySeconds ?? 30,
        retryBackoff: true,
        expireInSeconds: definition.expireInSeconds ?? 15 * 60,
      });
      if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: config.timezone });
      if (workers) {
        await boss.work(
          definition.name,
          { batchSize: definition.batchSize ?? 1, pollingIntervalSeconds: config.jobs.pollingIntervalSeconds },
          async (jobs) => {
            // Each job of a batch succeeds or fails on its own: a failing job is failed (to be
            // retried) alone, and pg-boss then completes only the jobs still active.
            for (const job of jobs) {
              try {
                await this.runOnce(deps, definition, job.id, job.data);
              } catch (error) {
                await boss.fail(definition.name, job.id, error as object);
              }
            }
          },
        );
      }
    }
  }

  private async runOnce(deps: Deps, definition: JobDefinition, jobId: string, raw: unknown): Promise<void> {
    const data = definition.schema.parse(raw ?? {});
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
    return this.boss.send(name, definition.schema.parse(data) as object, options);
  }

  async retry(name: string, id: string): Promise<void> {
    if (!this.boss) throw new Error('The job runner is not started');
    await this.boss.retry(name, id);
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}


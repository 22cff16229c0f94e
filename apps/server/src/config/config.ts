import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one configuration schema. Parsed once at boot (`loadConfig`), typed, failing fast with a
 * readable message. Every value has a default so that `npm start` needs nothing set.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  KEFU_DATA_DIR: z.string().default('./data'),
  KEFU_SECRET: z.string().min(16, 'KEFU_SECRET needs at least 16 characters').optional(),
  KEFU_BASE_URL: z.string().url().optional(),
  KEFU_ADMIN_PASSWORD: z.string().min(8, 'KEFU_ADMIN_PASSWORD needs at least 8 characters').optional(),
  KEFU_TIMEZONE: z.string().default('Asia/Shanghai'),
  KEFU_SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  KEFU_WEB_DIST: z.string().optional(),
  /** Behind a reverse proxy: `true`, a hop count, or the proxies' addresses/CIDRs (comma list). */
  KEFU_TRUST_PROXY: z.string().default('false'),
  /**
   * Where files (ticket attachments) are kept, for every instance: `database` (PostgreSQL, the
   * default with DATABASE_URL), `directory` (the default on PGlite) or `s3`. See ADR 0008.
   */
  KEFU_FILE_STORE: z.enum(['database', 'directory', 's3']).optional(),
  /** The `directory` store's root (default `<KEFU_DATA_DIR>/files`; several instances: a shared mount). */
  KEFU_FILES_DIR: z.string().optional(),
  /** The `s3` store: bucket (must exist), region, S3-compatible endpoint, path-style, keys, key prefix. */
  KEFU_S3_BUCKET: z.string().min(3).optional(),
  KEFU_S3_REGION: z.string().default('us-east-1'),
  KEFU_S3_ENDPOINT: z.string().url().optional(),
  KEFU_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  KEFU_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  KEFU_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  KEFU_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'KEFU_S3_PREFIX is empty or path segments ending in "/"')
    .default(''),
  /** Where older versions kept attachments (default `<KEFU_DATA_DIR>/attachments`); moved into the file store at start. */
  KEFU_ATTACHMENTS_DIR: z.string().optional(),
  /** The largest attachment accepted, in MB. */
  KEFU_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** The most data rows one customer import file may hold (files are refused past it). */
  KEFU_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(5_000_000).default(200_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Let webhooks and robots call private, loopback and link-local addresses (intranet installs, tests). */
  KEFU_WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };
  dataDir: string;
  secret: string | undefined;
  baseUrl: string;
  adminPassword: string | undefined;
  timezone: string;
  seedDemo: boolean;
  webDist: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Whether X-Forwarded-For is believed (client IP in the audit log and rate limits). */
  trustProxy: boolean | number | string;
  /**
   * Where files live (lib/file-store, ADR 0008); an upload is first spooled to `spoolDir` (this
   * instance's disk) while it is hashed and checked.
   */
  files: { store: FileStoreConfig; spoolDir: string };
  /**
   * Ticket attachments: at most `maxBytes` each. `legacyDir`: where older versions kept them
   * (`<yyyy>/<mm>/<uuid>`), moved into the file store at start; null in tests.
   */
  attachments: { maxBytes: number; legacyDir: string | null };
  /** Customer import: the most data rows a file may hold (the other file limits: lib/files/limits.ts). */
  imports: { maxRows: number };
  /**
   * Behaviour knobs that tests turn down (lockout, session length). Lockout is per (username,
   * client address): after `maxFailedLogins` failures the address is locked out of that name for
   * `lockMinutes`, doubling with each further failure up to `maxLockMinutes` (default 60).
   */
  auth: { maxFailedLogins: number; lockMinutes: number; maxLockMinutes?: number; sessionHours: number };
  /**
   * `maintenanceIntervalSeconds`: how often pg-boss maintenance runs (default 120 s); it is what
   * returns a job whose worker died (started_on + expireIn passed) to retry. Tests turn it down.
   */
  jobs: { enabled: boolean; pollingIntervalSeconds: number; maintenanceIntervalSeconds?: number };
  /**
   * The outbox dispatcher (events/dispatcher.ts, ADR 0007): woken by NOTIFY, else it polls every
   * `pollingIntervalMs`; claims up to `batchSize` deliveries per transaction; a failing delivery
   * is retried after `retryBaseMs` doubling up to `retryMaxMs`, and is dead after `maxAttempts`.
   * After a wake-up it waits `coalesceMs` so that one transaction delivers the events committed
   * meanwhile (a burst of tickets is one batch, not one transaction each).
   */
  /**
   * Outbound HTTP (webhooks, robots; lib/outbound-http.ts): `allowPrivate` lets targets resolve to
   * private, loopback or link-local addresses (KEFU_WEBHOOK_ALLOW_PRIVATE); refused by default (SSRF).
   */
  outbound: { allowPrivate: boolean };
  /** Outbound webhooks' deliverer (modules/webhooks/webhooks.settings.ts has the defaults; tests shorten them). */
  webhooks?: Partial<WebhookDeliveryConfig>;
  outbox: {
    enabled: boolean;
    pollingIntervalMs: number;
    coalesceMs: number;
    batchSize: number;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
};

/**
 * `retryScheduleSeconds`: the wait before each retry (its length + 1 = attempts before the
 * subscription is disabled); `leaseMs`: how long an instance holds a subscription's queue
 * without renewing it; `concurrency`: subscriptions delivered at once per instance.
 */
export type WebhookDeliveryConfig = {
  enabled: boolean;
  retryScheduleSeconds: number[];
  pollingIntervalMs: number;
  concurrency: number;
  timeoutMs: number;
  leaseMs: number;
};

export type FileStoreConfig =
  | { kind: 'database' }
  | { kind: 'directory'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      accessKeyId?: string;
      secretAccessKey?: string;
      prefix: string;
    };

export class ConfigError extends Error {}

/** The file store: chosen, or `database` with DATABASE_URL and `directory` on PGlite; S3 settings checked. */
function fileStoreConfig(e: z.infer<typeof EnvSchema>, dataDir: string): Config['files'] {
  const test = e.NODE_ENV === 'test';
  const kind = e.KEFU_FILE_STORE ?? (e.DATABASE_URL ? 'database' : 'directory');
  const problems: string[] = [];
  if (kind === 's3' && !e.KEFU_S3_BUCKET) problems.push('KEFU_S3_BUCKET: required with KEFU_FILE_STORE=s3');
  if (kind !== 's3' && e.KEFU_S3_BUCKET)
    problems.push(`KEFU_S3_BUCKET: set, but KEFU_FILE_STORE is ${kind} (set it to s3)`);
  if (Boolean(e.KEFU_S3_ACCESS_KEY_ID) !== Boolean(e.KEFU_S3_SECRET_ACCESS_KEY))
    problems.push('KEFU_S3_ACCESS_KEY_ID, KEFU_S3_SECRET_ACCESS_KEY: set both or neither');
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const store: FileStoreConfig =
    kind === 'database'
      ? { kind }
      : kind === 'directory'
        ? {
            kind,
            dir: e.KEFU_FILES_DIR
              ? path.resolve(e.KEFU_FILES_DIR)
              : test
                ? path.join(os.tmpdir(), 'kefu-test-files')
                : path.join(dataDir, 'files'),
          }
        : {
            kind,
            bucket: e.KEFU_S3_BUCKET as string,
            region: e.KEFU_S3_REGION,
            endpoint: e.KEFU_S3_ENDPOINT,
            forcePathStyle: e.KEFU_S3_FORCE_PATH_STYLE,
            accessKeyId: e.KEFU_S3_ACCESS_KEY_ID,
            secretAccessKey: e.KEFU_S3_SECRET_ACCESS_KEY,
            prefix: e.KEFU_S3_PREFIX,
          };
  // The directory store spools beside its files (a rename puts an upload in place).
  const spoolDir =
    store.kind === 'directory'
      ? path.join(store.dir, '.tmp')
      : test
        ? path.join(os.tmpdir(), 'kefu-test-uploads')
        : path.join(dataDir, 'tmp', 'uploads');
  return { store, spoolDir };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.KEFU_DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    secret: e.KEFU_SECRET,
    baseUrl: (e.KEFU_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    adminPassword: e.KEFU_ADMIN_PASSWORD,
    timezone: e.KEFU_TIMEZONE,
    seedDemo: e.KEFU_SEED_DEMO,
    webDist: e.KEFU_WEB_DIST,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.KEFU_TRUST_PROXY),
    files: fileStoreConfig(e, dataDir),
    attachments: {
      maxBytes: Math.round(e.KEFU_ATTACHMENT_MAX_MB * 1024 * 1024),
      legacyDir: e.KEFU_ATTACHMENTS_DIR
        ? path.resolve(e.KEFU_ATTACHMENTS_DIR)
        : e.NODE_ENV === 'test'
          ? null
          : path.join(dataDir, 'attachments'),
    },
    imports: { maxRows: e.KEFU_IMPORT_MAX_ROWS },
    auth: { maxFailedLogins: 5, lockMinutes: 1, maxLockMinutes: 60, sessionHours: 12 },
    jobs: { enabled: true, pollingIntervalSeconds: 2 },
    outbound: { allowPrivate: e.KEFU_WEBHOOK_ALLOW_PRIVATE },
    outbox: {
      enabled: true,
      pollingIntervalMs: 3000,
      coalesceMs: 100,
      batchSize: 50,
      maxAttempts: 8,
      retryBaseMs: 2000,
      retryMaxMs: 10 * 60_000,
    },
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}

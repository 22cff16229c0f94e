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
  /** Where ticket attachments are kept (default `<KEFU_DATA_DIR>/attachments`). */
  KEFU_ATTACHMENTS_DIR: z.string().optional(),
  /** The largest attachment accepted, in MB. */
  KEFU_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** The most data rows one customer import file may hold (files are refused past it). */
  KEFU_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(5_000_000).default(200_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
   * Ticket attachments: files under `dir` (`<yyyy>/<mm>/<uuid>`), at most `maxBytes` each. Tests
   * (NODE_ENV=test) default to a directory under the system's temp dir, not the data dir.
   */
  attachments: { dir: string; maxBytes: number };
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
};

export class ConfigError extends Error {}

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
    attachments: {
      dir: e.KEFU_ATTACHMENTS_DIR
        ? path.resolve(e.KEFU_ATTACHMENTS_DIR)
        : e.NODE_ENV === 'test'
          ? path.join(os.tmpdir(), 'kefu-test-attachments')
          : path.join(dataDir, 'attachments'),
      maxBytes: Math.round(e.KEFU_ATTACHMENT_MAX_MB * 1024 * 1024),
    },
    imports: { maxRows: e.KEFU_IMPORT_MAX_ROWS },
    auth: { maxFailedLogins: 5, lockMinutes: 1, maxLockMinutes: 60, sessionHours: 12 },
    jobs: { enabled: true, pollingIntervalSeconds: 2 },
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}

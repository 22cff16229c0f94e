import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from './client.js';
import { runMigrations } from './migrate.js';
import { ensureAdmin, ensureRoles, runSeedOnce } from './seed/base.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './seed/demo.js';
import { seedDemoAgents } from './seed/demo-agents.js';
import { seedDemoCallbacks } from './seed/demo-callbacks.js';
import { seedDemoCalls } from './seed/demo-calls.js';
import { seedDemoCustomers } from './seed/demo-customers.js';
import { seedDemoGrading } from './seed/demo-grading.js';
import { seedDemoNotifications } from './seed/demo-notifications.js';
import { seedDemoSla } from './seed/demo-sla.js';
import { seedDemoSurveys } from './seed/demo-surveys.js';
import { seedDemoTickets } from './seed/demo-tickets.js';
import { seedDemoCannedReplies, seedServiceStandards } from './seed/phrases.js';

const PREPARE_LOCK_KEY = 0x6b656676;

/**
 * First-start preparation, run by `main.ts` and the CLI (never by `buildApp`): migrate under the
 * advisory lock, make sure the built-in roles and the `admin` account exist, and seed the demo
 * organisation once. Every step is idempotent, so concurrent instances and restarts are safe.
 */
export async function prepareDatabase(database: Database, config: Config, logger: Logger) {
  const { applied } = await runMigrations(database);
  if (applied > 0) logger.info({ applied, database: database.kind }, 'database migrated');
  const result = await database.db.transaction(async (tx) => {
    // Instances starting together on a new database take turns: the second finds the admin and
    // the seeds there (without the lock both would insert `admin` and one would fail to start).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PREPARE_LOCK_KEY})`);
    await ensureRoles(tx);
    const admin = await ensureAdmin(tx, config.adminPassword);
    await runSeedOnce(tx, 'service-standards', seedServiceStandards);
    const demo = config.seedDemo ? await runSeedOnce(tx, 'demo-organisation', seedDemoOrganisation) : false;
    if (config.seedDemo) await runSeedOnce(tx, 'demo-customers', seedDemoCustomers);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-agents', seedDemoAgents);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-grading', seedDemoGrading);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-canned-replies', seedDemoCannedReplies);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-tickets', seedDemoTickets);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-sla', seedDemoSla);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-notifications', seedDemoNotifications);
    if (config.seedDemo) await runSeedOnce(tx, 'demo-callbacks', (inner) => seedDemoCallbacks(inner, config.timezone));
    if (config.seedDemo) await runSeedOnce(tx, 'demo-surveys', (inner) => seedDemoSurveys(inner, config.timezone));
    if (config.seedDemo) await runSeedOnce(tx, 'demo-calls', (inner) => seedDemoCalls(inner, config.timezone));
    return { admin, demo };
  });
  return {
    applied,
    generatedAdminPassword: result.admin.generatedPassword,
    demoSeeded: result.demo,
    demoLogins: result.demo ? DEMO_LOGINS.map((l) => l.username) : [],
    demoPassword: DEMO_PASSWORD,
  };
}

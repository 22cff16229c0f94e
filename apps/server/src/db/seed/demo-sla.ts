// The module list first, so that the modules load in the app's order whoever imports this file
// first (the seed CLI): entered through tickets/index.ts, the tickets ↔ handover import cycle fails.
import '../../modules/index.js';
import { seedSlaDemo } from '../../modules/sla/index.js';
import type { DbOrTx } from '../client.js';

/** The time-limit defaults and the demo tickets' clocks (run after the demo tickets are seeded). */
export async function seedDemoSla(db: DbOrTx): Promise<void> {
  await seedSlaDemo(db);
}

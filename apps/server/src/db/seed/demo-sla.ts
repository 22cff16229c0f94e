import { seedSlaDemo } from '../../modules/sla/index.js';
import type { DbOrTx } from '../client.js';

/** The time-limit defaults and the demo tickets' clocks (run after the demo tickets are seeded). */
export async function seedDemoSla(db: DbOrTx): Promise<void> {
  await seedSlaDemo(db);
}

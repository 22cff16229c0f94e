import { dayIn } from '../../lib/calendar-day.js';
import { seedCallbackPlansDemo, seedCallbackWorkDemo } from '../../modules/callbacks/index.js';
import type { DbOrTx } from '../client.js';

/** Demo callbacks (after the demo customers and tickets): plans, ~30 pending callbacks for 孙丽 and 周杰, worked history. */
export async function seedDemoCallbacks(db: DbOrTx, timeZone: string): Promise<void> {
  await seedCallbackPlansDemo(db, timeZone);
  await seedCallbackWorkDemo(db, dayIn(new Date(), timeZone));
}

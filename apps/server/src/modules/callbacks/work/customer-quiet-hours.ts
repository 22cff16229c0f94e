import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import type { QuietWindow } from '../callbacks.tables.js';
import { rescheduleCustomer } from '../settings/customer-quiet.js';
import * as settings from '../settings/settings.repository.js';
import { checkQuietWindows } from '../settings/settings.service.js';
import { loadOpen } from './record-attempt.js';
import type { Ctx } from './work.service.js';

/**
 * The customer says when not to call (seed 001: never at the customer's rest time): their own rest
 * hours, recorded from the callback being worked (any status but cancelled; 404 outside the
 * caller's callbacks). They replace the settings' windows for this customer — their pending
 * callbacks move at once, later ones are placed by them; null goes back to the settings' windows.
 */
export async function setCustomerQuietHours(deps: Deps, ctx: Ctx, id: string, windows: QuietWindow[] | null) {
  if (windows) checkQuietWindows(windows, 'quietWindows');
  return deps.database.db.transaction(async (tx) => {
    const row = await loadOpen(tx, ctx, id, ['pending', 'unreached', 'done']);
    const before = await settings.customerQuietWindows(tx, row.customerId);
    await settings.setCustomerQuietWindows(tx, row.customerId, windows, ctx.actor.userId);
    const effective = windows ?? (await settings.readSettings(tx)).quietWindows;
    const rescheduled = await rescheduleCustomer(tx, row.customerId, effective, deps.config.timezone);
    await recordAudit(tx, ctx, {
      action: 'callback.customer_quiet_hours_set',
      entityType: 'customer',
      entityId: row.customerId,
      before: { quietWindows: before },
      after: { quietWindows: windows },
      details: { callbackId: id, rescheduled },
    });
    return { quietWindows: windows, rescheduled };
  });
}

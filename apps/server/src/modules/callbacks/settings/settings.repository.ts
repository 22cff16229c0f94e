import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { callbackCustomerPreferences, callbackSettings, type QuietWindow } from '../callbacks.tables.js';

export type CallbackSettingsValues = {
  quietWindows: QuietWindow[];
  capDays: number;
  retriesPerDay: number;
  retryGapMinutes: number;
  deadlineWorkingDays: number;
  updatedAt: Date | null;
};

/** The rules until an administrator changes them (seed 001: rest hours 12:00–14:00 and after 21:00). */
export const DEFAULT_SETTINGS: CallbackSettingsValues = {
  quietWindows: [
    { start: '12:00', end: '14:00' },
    { start: '21:00', end: '09:00' },
  ],
  capDays: 7,
  retriesPerDay: 2,
  retryGapMinutes: 60,
  deadlineWorkingDays: 3,
  updatedAt: null,
};

/** The settings row (id 1), or the defaults when none was saved. */
export async function readSettings(db: DbOrTx): Promise<CallbackSettingsValues> {
  const [row] = await db.select().from(callbackSettings).where(eq(callbackSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_SETTINGS;
  return {
    quietWindows: row.quietWindows,
    capDays: row.capDays,
    retriesPerDay: row.retriesPerDay,
    retryGapMinutes: row.retryGapMinutes,
    deadlineWorkingDays: row.deadlineWorkingDays,
    updatedAt: row.updatedAt,
  };
}

export async function writeSettings(tx: DbOrTx, values: Omit<CallbackSettingsValues, 'updatedAt'>) {
  await tx
    .insert(callbackSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: callbackSettings.id, set: { ...values, updatedAt: sql`now()` } });
}

/** A customer's own rest hours, or null (the settings' windows apply). */
export async function customerQuietWindows(db: DbOrTx, customerId: string): Promise<QuietWindow[] | null> {
  const [row] = await db
    .select({ windows: callbackCustomerPreferences.quietWindows })
    .from(callbackCustomerPreferences)
    .where(eq(callbackCustomerPreferences.customerId, customerId))
    .limit(1);
  return row?.windows ?? null;
}

export async function setCustomerQuietWindows(
  tx: DbOrTx,
  customerId: string,
  windows: QuietWindow[] | null,
  by: string,
) {
  if (windows === null) {
    await tx.delete(callbackCustomerPreferences).where(eq(callbackCustomerPreferences.customerId, customerId));
    return;
  }
  await tx
    .insert(callbackCustomerPreferences)
    .values({ customerId, quietWindows: windows, updatedBy: by })
    .onConflictDoUpdate({
      target: callbackCustomerPreferences.customerId,
      set: { quietWindows: windows, updatedBy: by, updatedAt: sql`now()` },
    });
}

import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import {
  notificationChannelSettings,
  notificationCustomerPreferences,
  notificationPreferences,
} from '../notifications.tables.js';

export type CustomerPreferenceRow = typeof notificationCustomerPreferences.$inferSelect;
export type ChannelSettingsRow = typeof notificationChannelSettings.$inferSelect;

export async function userPreferences(db: DbOrTx, userId: string) {
  return db
    .select({ topic: notificationPreferences.topic, channels: notificationPreferences.channels })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

/** The preferences of several users for one topic (fan-out): user id → channels. */
export async function preferencesForTopic(db: DbOrTx, userIds: string[], topic: string) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .select({ userId: notificationPreferences.userId, channels: notificationPreferences.channels })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.topic, topic)));
  return new Map(rows.map((r) => [r.userId, r.channels]));
}

export async function replaceUserPreferences(
  db: DbOrTx,
  userId: string,
  rows: { topic: string; channels: string[] }[],
  at: Date,
) {
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  if (rows.length > 0) {
    await db.insert(notificationPreferences).values(rows.map((r) => ({ ...r, userId, updatedAt: at })));
  }
}

export async function customerPreferences(db: DbOrTx, customerIds: string[]) {
  if (customerIds.length === 0) return new Map<string, CustomerPreferenceRow>();
  const rows = await db
    .select()
    .from(notificationCustomerPreferences)
    .where(inArray(notificationCustomerPreferences.customerId, customerIds));
  return new Map(rows.map((r) => [r.customerId, r]));
}

export async function upsertCustomerPreference(
  db: DbOrTx,
  values: { customerId: string; preferredChannel: 'sms' | 'email' | null; optedOut: boolean; updatedBy: string },
  at: Date,
) {
  const [row] = await db
    .insert(notificationCustomerPreferences)
    .values({ ...values, updatedAt: at })
    .onConflictDoUpdate({
      target: notificationCustomerPreferences.customerId,
      set: {
        preferredChannel: values.preferredChannel,
        optedOut: values.optedOut,
        updatedBy: values.updatedBy,
        updatedAt: at,
      },
    })
    .returning();
  return row as CustomerPreferenceRow;
}

export async function channelSettingsRows(db: DbOrTx): Promise<ChannelSettingsRow[]> {
  return db.select().from(notificationChannelSettings);
}

export async function channelSettingsRow(db: DbOrTx, channel: string): Promise<ChannelSettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(notificationChannelSettings)
    .where(eq(notificationChannelSettings.channel, channel))
    .limit(1);
  return row;
}

export async function upsertChannelSettings(
  db: DbOrTx,
  values: Omit<ChannelSettingsRow, 'updatedAt'>,
  at: Date,
): Promise<ChannelSettingsRow> {
  const { channel, ...rest } = values;
  const [row] = await db
    .insert(notificationChannelSettings)
    .values({ ...values, updatedAt: at })
    .onConflictDoUpdate({ target: notificationChannelSettings.channel, set: { ...rest, updatedAt: at } })
    .returning();
  return row as ChannelSettingsRow;
}

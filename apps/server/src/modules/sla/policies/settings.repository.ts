import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { slaSettings } from '../sla.tables.js';

export type SettingsRow = typeof slaSettings.$inferSelect;

/** The one settings row (id 1), created with the defaults when missing. */
export async function ensureSettings(db: DbOrTx): Promise<void> {
  await db.insert(slaSettings).values({ id: 1 }).onConflictDoNothing();
}

export async function findSettings(db: DbOrTx, { forUpdate = false } = {}): Promise<SettingsRow | undefined> {
  const query = db.select().from(slaSettings).where(eq(slaSettings.id, 1)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Updates the row and bumps its version when it still has `version`; undefined when it did not. */
export async function updateSettings(
  db: DbOrTx,
  version: number,
  values: Pick<SettingsRow, 'pauseOn' | 'weights'>,
): Promise<SettingsRow | undefined> {
  const [row] = await db
    .update(slaSettings)
    .set({ ...values, version: sql`${slaSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(slaSettings.id, 1), eq(slaSettings.version, version)))
    .returning();
  return row;
}

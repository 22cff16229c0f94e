import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import type { Config } from '../../../config/config.js';
import { callbacks, customers } from '../../../db/schema/index.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

/**
 * A business time zone in which it is now about noon (Etc/GMT-X is UTC+X): "today" never
 * straddles midnight whenever the tests run, and now lies in the default 12:00–14:00 quiet window.
 */
export function noonZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export type CallbackWorld = {
  t: TestApp;
  admin: Session;
  /** Callback specialists (own scope) and their supervisor (team scope, callbacks.manage). */
  specA: Session;
  specB: Session;
  sup: Session;
  ids: { specA: string; specB: string; sup: string; sales: string };
  /** Customers owned by a sales person of the supervisor's team (outside the specialists' own scope). */
  customer(name: string): Promise<string>;
  /** A callback inserted as plans would make it. */
  callback(values: Partial<typeof callbacks.$inferInsert> & { customerId: string }): Promise<string>;
  today: string;
};

export async function callbackWorld(config: Partial<Config> = {}): Promise<CallbackWorld> {
  const t = await createTestApp({ config });
  const db = t.database.db;
  const team = await createDepartment(db, { name: '回访组' });
  const sup = await createUser(db, {
    username: 'cbsup',
    displayName: '周主管',
    roleKey: 'supervisor',
    departmentId: team.id,
  });
  const specA = await createUser(db, {
    username: 'speca',
    displayName: '王回访',
    roleKey: 'callback_specialist',
    departmentId: team.id,
    superiorId: sup.id,
  });
  const specB = await createUser(db, {
    username: 'specb',
    displayName: '李回访',
    roleKey: 'callback_specialist',
    departmentId: team.id,
    superiorId: sup.id,
  });
  const sales = await createUser(db, {
    username: 'sales',
    displayName: '陈销售',
    roleKey: 'agent',
    departmentId: team.id,
    superiorId: sup.id,
  });
  const zone = t.config.timezone;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  return {
    t,
    admin: await t.signIn('admin'),
    specA: await t.signIn('speca'),
    specB: await t.signIn('specb'),
    sup: await t.signIn('cbsup'),
    ids: { specA: specA.id, specB: specB.id, sup: sup.id, sales: sales.id },
    today,
    async customer(name) {
      const [row] = await db
        .insert(customers)
        .values({ kind: 'person', name, ownerId: sales.id })
        .returning({ id: customers.id });
      return row?.id as string;
    },
    async callback(values) {
      const [row] = await db
        .insert(callbacks)
        .values({
          sourceKind: 'milestone',
          channel: 'call',
          purpose: '拍摄后回访',
          dueDate: today,
          scheduledAt: sql`now() - interval '1 hour'` as unknown as Date,
          deadlineAt: sql`now() + interval '2 days'` as unknown as Date,
          assigneeId: specA.id,
          assignedAt: sql`now() - interval '1 day'` as unknown as Date,
          ...values,
        })
        .returning({ id: callbacks.id });
      return row?.id as string;
    },
  };
}

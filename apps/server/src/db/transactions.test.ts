import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DB, type TestDatabase } from '../../test/helpers.js';

/**
 * A deadlock victim runs again (db/client.ts, `retryingTransactions`): two transactions lock two
 * rows in opposite orders; PostgreSQL aborts one of them, which then runs again and commits, so
 * both callers see success. PGlite has one connection and cannot deadlock.
 */
describe.skipIf(TEST_DB !== 'postgres')('transactions on PostgreSQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.executeSql('CREATE TABLE deadlock_rows (id int PRIMARY KEY, touched int NOT NULL DEFAULT 0)');
    await database.executeSql('INSERT INTO deadlock_rows (id) VALUES (1), (2)');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('runs a deadlock victim again, so both transactions commit', async () => {
    let runs = 0;
    let bothLockedFirst: () => void = () => {};
    const firstLocks = new Promise<void>((resolve) => {
      let count = 0;
      bothLockedFirst = () => {
        count += 1;
        if (count === 2) resolve();
      };
    });
    const lockInOrder = (first: number, second: number) =>
      database.db.transaction(async (tx) => {
        runs += 1;
        await tx.execute(sql`UPDATE deadlock_rows SET touched = touched + 1 WHERE id = ${first}`);
        if (runs <= 2) {
          bothLockedFirst();
          await firstLocks;
        }
        await tx.execute(sql`UPDATE deadlock_rows SET touched = touched + 1 WHERE id = ${second}`);
      });

    await expect(Promise.all([lockInOrder(1, 2), lockInOrder(2, 1)])).resolves.toBeDefined();
    expect(runs).toBe(3);
    const rows = await database.executeSql('SELECT id, touched FROM deadlock_rows ORDER BY id');
    expect(rows.rows).toEqual([
      { id: 1, touched: 2 },
      { id: 2, touched: 2 },
    ]);
  });

  it('does not run a transaction again for other errors', async () => {
    let runs = 0;
    const failing = database.db.transaction(async (tx) => {
      runs += 1;
      await tx.execute(sql`INSERT INTO deadlock_rows (id) VALUES (1)`);
    });
    await expect(failing).rejects.toThrow();
    expect(runs).toBe(1);
  });
});

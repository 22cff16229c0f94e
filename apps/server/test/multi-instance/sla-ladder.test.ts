import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  insertClock,
  insertLadder,
  insertPolicy,
  insertTicket,
  type SlaOrganisation,
  slaOrganisation,
  testLevels,
} from '../../src/modules/sla/escalation/ladder.test-setup.js';
import { openTestDatabase, TEST_DB, type TestDatabase } from '../helpers.js';
import { type Child, spawnFixture, waitFor } from './support.js';

/*
 * Issue 12, reliability: two app instances sweep the same clocks at the same time, one is killed
 * (SIGKILL, inside a sweep's open transaction) in the middle of the ladder and started again, then
 * both are down while deadlines pass and come back. Every warning and every ladder level fires
 * exactly once — one firing row, one notice per recipient, one event — and what came due during
 * the downtime fires once on the next sweep, marked late. Time is the test's: the instances read
 * "now" from a table the test moves forward (no sleeping through real minutes).
 */

const CLOCKS = 30;
const LADDER_STEPS = ['warning:50', 'warning:75', 'warning:90', 'warning:100', 'escalation:1', 'escalation:2'];
const ALL_STEPS = [...LADDER_STEPS, 'escalation:3', 'escalation:4'];

describe.runIf(TEST_DB === 'postgres')('SLA ladders across two instances and restarts (PostgreSQL)', () => {
  let database: TestDatabase;
  let org: SlaOrganisation;
  const children: Child[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.executeSql("CREATE TABLE mi_sla_now (now_at timestamptz, paused text[] NOT NULL DEFAULT '{}')", []);
    await database.executeSql('INSERT INTO mi_sla_now (now_at) VALUES (NULL)', []);
    org = await slaOrganisation(database.db);
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGTERM')));
    await database?.drop();
  });

  const setNow = (now: Date) => database.executeSql('UPDATE mi_sla_now SET now_at = $1', [now.toISOString()]);
  const pause = (names: string[]) => database.executeSql('UPDATE mi_sla_now SET paused = $1', [names]);
  const count = async (query: string) => Number((await database.executeSql(query, [])).rows[0]?.n);
  const start = (name: string, holdMs = 0) => {
    const child = spawnFixture('sla-sweeper.ts', {
      DATABASE_URL: database.url as string,
      INSTANCE_NAME: name,
      HOLD_MS: String(holdMs),
    });
    children.push(child);
    return child;
  };
  /** Waits until no clock is due at `now` (every instance has caught up). */
  const settled = (now: Date, what: string) =>
    waitFor(
      what,
      async () => {
        const { rows } = await database.executeSql(
          'SELECT count(*)::int AS n FROM sla_clocks WHERE next_check_at <= $1',
          [now.toISOString()],
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 120_000, intervalMs: 50 },
    );
  const stepsByClock = async () => {
    const { rows } = await database.executeSql(
      `SELECT clock_id, array_agg(kind || ':' || step ORDER BY id) AS steps,
              array_agg(late ORDER BY id) AS late
         FROM sla_firings GROUP BY clock_id`,
      [],
    );
    return new Map(rows.map((r) => [r.clock_id as string, { steps: r.steps as string[], late: r.late as boolean[] }]));
  };

  it('fires every level exactly once with two instances, a SIGKILL + restart midway, and downtime', {
    timeout: 600_000,
  }, async () => {
    const db = database.db;
    const ladderId = await insertLadder(db, testLevels(org));
    const policyId = await insertPolicy(db, ladderId);
    const t0 = new Date(Date.UTC(2026, 0, 5, 1, 0, 0));
    const clocks: string[] = [];
    for (let i = 0; i < CLOCKS; i++) {
      const ticket = await insertTicket(db, org, { createdAt: t0 });
      clocks.push((await insertClock(db, ticket.id, t0, { policyId, ladderId })).id);
    }

    const a = start('sla-a', 300);
    const b = start('sla-b', 20);
    await Promise.all([a.waitForOutput(/ready/, 180_000), b.waitForOutput(/ready/, 180_000)]);

    // Warnings, the breach and level 1, with both instances sweeping at the same instants.
    for (const minute of [61, 91, 108, 120]) {
      await setNow(at(t0, minute));
      await settled(at(t0, minute), `the steps due at t0+${minute}`);
    }
    // Level 2 comes due while B is held back: A takes every clock, fires level 2 inside its
    // transaction and is killed (SIGKILL) before committing — all of it rolls back. B and A,
    // started again, fire it once.
    await pause(['sla-b']);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a sweep of B under way ends
    await setNow(at(t0, 150));
    await waitFor(
      'instance A inside a sweep transaction that fired level 2',
      async () =>
        (await count(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sla-a' AND state = 'idle in transaction'",
        )) > 0,
      { timeoutMs: 30_000, intervalMs: 5 },
    );
    a.process.kill('SIGKILL');
    await a.exited;
    await waitFor(
      'A connections to go away',
      async () =>
        (await count("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sla-a'")) === 0,
    );
    expect(await count("SELECT count(*)::int AS n FROM sla_firings WHERE kind = 'escalation' AND step = 2")).toBe(0);
    const a2 = start('sla-a2', 20);
    await pause([]);
    await a2.waitForOutput(/ready/, 180_000);
    await settled(at(t0, 150), 'level 2 after the restart');
    const middle = await stepsByClock();
    for (const id of clocks) expect(middle.get(id)?.steps).toEqual(LADDER_STEPS);

    // Both instances down while level 3 (t0+210) and level 4 (t0+240) come due, and a new
    // ticket's whole ladder passes; they come back at t0+1000.
    await Promise.all([a2.kill('SIGTERM'), b.kill('SIGTERM')]);
    // Nothing runs: the clocks are due and stay so.
    const t1 = at(t0, 700);
    const lateTicket = await insertTicket(db, org, { createdAt: t1 });
    const lateClock = (await insertClock(db, lateTicket.id, t1, { policyId, ladderId })).id;
    await setNow(at(t0, 1000));
    const a3 = start('sla-a3');
    await a3.waitForOutput(/ready/, 180_000);
    await settled(at(t0, 1000), 'the steps due during the downtime');
    // More sweeps at the same instant fire nothing more.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const final = await stepsByClock();
    for (const id of clocks) {
      expect(final.get(id)?.steps).toEqual(ALL_STEPS);
      // Levels 3 and 4 came due while nothing ran: late; everything before was on time.
      expect(final.get(id)?.late).toEqual([false, false, false, false, false, false, true, true]);
    }
    expect(final.get(lateClock)?.steps).toEqual(ALL_STEPS);
    expect(final.get(lateClock)?.late).toEqual(ALL_STEPS.map(() => true));

    // Exactly once downstream too: one notice per recipient per step, one event per firing.
    const { rows: notices } = await database.executeSql(
      `SELECT ref, recipient, count(*)::int AS n FROM notifications WHERE ref LIKE 'ticket:%/sla/%'
        GROUP BY ref, recipient HAVING count(*) > 1`,
      [],
    );
    expect(notices).toEqual([]);
    const { rows: counts } = await database.executeSql(
      `SELECT (SELECT count(*)::int FROM notifications WHERE ref LIKE 'ticket:%/sla/%') AS notices,
              (SELECT count(*)::int FROM outbox_events WHERE name IN ('sla.warned', 'sla.escalated')) AS events,
              (SELECT count(*)::int FROM sla_firings) AS firings`,
      [],
    );
    // Per clock: 4 warnings to the assignee + levels 1..4 to 1, 2, 3 and 4 people.
    const perClock = 4 + 1 + 2 + 3 + 4;
    expect(counts[0]).toEqual({
      notices: (CLOCKS + 1) * perClock,
      events: (CLOCKS + 1) * 8,
      firings: (CLOCKS + 1) * 8,
    });
    const { rows: levels } = await database.executeSql(
      'SELECT count(*)::int AS n FROM sla_clocks WHERE ladder_level = 4 AND next_check_at IS NULL',
      [],
    );
    expect(levels[0]?.n).toBe(CLOCKS + 1);
    const work = [b, a2, a3].map((c) => (c.stdout.match(/fired \d+/g) ?? []).length);
    console.log(`[multi-instance] sla sweeps that fired something per instance (b, a2, a3): ${work.join(', ')}`);
  });
});

import { PERMISSIONS } from '@kefu/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import type { Actor } from '../../../lib/actor.js';
import { countTickets } from '../index.js';

type Item = { id: string; subject: string; dueAt: string | null; overdue: boolean };
type Counts = { queues: Record<string, number>; chips: Record<string, number> };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The end of today in Asia/Shanghai (UTC+8, no daylight saving), the test config's time zone. */
function endOfShanghaiDay(now: number): number {
  const local = now + 8 * HOUR;
  return local - (local % (24 * HOUR)) + 24 * HOUR - 8 * HOUR;
}

/**
 * Due time, overdue, due today / within the hour, the default order and the counts (issue 14),
 * against a fixture counted by hand. Agents have scope `own`: B's and the unassigned ticket are
 * out of A's scope and must not be counted for A.
 */
describe('tickets queue: due time, overdue first, counts', () => {
  let t: TestApp;
  let agentA: Session;
  let admin: Session;
  let adminActor: Actor;
  const now = Date.now();
  const endOfToday = endOfShanghaiDay(now);
  const at = {
    A1: now - 2 * HOUR, // next reply passed
    A2: now + 3 * 24 * HOUR, // breached, follow-up due later
    A3: endOfToday - MINUTE, // time limit due today (not breached)
    A4: now + 30 * MINUTE, // next reply within the hour
    A5: now + 2 * 24 * HOUR, // time limit (next reply later still)
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const dept = await createDepartment(db, { name: '热线组' });
    const a = await createUser(db, { username: 'due-a', roleKey: 'agent', departmentId: dept.id });
    const b = await createUser(db, { username: 'due-b', roleKey: 'agent', departmentId: dept.id });
    agentA = await t.signIn('due-a');
    admin = await t.signIn('admin');
    adminActor = {
      userId: admin.userId,
      username: 'admin',
      displayName: 'admin',
      roleKey: 'admin',
      permissions: new Set(PERMISSIONS),
      dataScope: 'all',
      departmentId: null,
      locale: 'zh-CN',
      via: 'session',
    };
    const ts = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const insert = async (
      key: string,
      row: {
        assignee: string | null;
        status?: string;
        type?: string;
        major?: boolean;
        nextReply?: number | null;
        slaDue?: number | null;
        slaState?: string | null;
      },
    ) => {
      const result = await db.execute<{ id: string }>(sql`INSERT INTO tickets
          (type_key, channel, subject, description, assignee_id, status, is_major, next_reply_at, sla_due_at, sla_state, updated_at)
        VALUES (${row.type ?? 'service'}, 'phone', ${key}, 'd', ${row.assignee}::uuid, ${row.status ?? 'received'},
          ${row.major ?? false}, ${ts(row.nextReply ?? null)}::timestamptz, ${ts(row.slaDue ?? null)}::timestamptz,
          ${row.slaState ?? null}, now() - ${`${Object.keys(ids).length} minutes`}::interval)
        RETURNING id`);
      ids[key] = result.rows[0]?.id as string;
    };
    await insert('A1', { assignee: a.id, status: 'investigating', nextReply: at.A1 });
    await insert('A2', { assignee: a.id, slaDue: at.A2, slaState: 'breached' });
    await insert('A3', { assignee: a.id, status: 'classified', slaDue: at.A3, slaState: 'ok' });
    await insert('A4', { assignee: a.id, nextReply: at.A4 });
    await insert('A5', { assignee: a.id, nextReply: now + 5 * 24 * HOUR, slaDue: at.A5, slaState: 'warning' });
    await insert('A6', { assignee: a.id, status: 'closed', nextReply: now - 24 * HOUR, slaState: 'breached' });
    await insert('A7', { assignee: a.id, type: 'complaint', major: true });
    await insert('B1', { assignee: b.id, nextReply: now - HOUR });
    await insert('U1', { assignee: null, type: 'complaint', slaDue: now - HOUR, slaState: 'breached' });
  });
  afterAll(async () => t?.close());

  const list = async (session: Session, query: string) => {
    const r = await session.get(`/api/v1/tickets?pageSize=50&${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items as Item[];
  };
  const subjects = (items: Item[]) => items.map((i) => i.subject);
  const counts = async (session: Session, query = '') => {
    const r = await session.get(`/api/v1/tickets/counts?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Counts;
  };
  const a4Today = at.A4 < endOfToday;
  const a3WithinHour = at.A3 < now + HOUR;

  it('lists dueAt (the earlier of next reply and time limit, open only) and overdue', async () => {
    const items = new Map((await list(agentA, 'queue=mine')).map((i) => [i.subject, i]));
    expect(items.get('A1')).toMatchObject({ dueAt: new Date(at.A1).toISOString(), overdue: true });
    expect(items.get('A2')).toMatchObject({ dueAt: new Date(at.A2).toISOString(), overdue: true });
    expect(items.get('A5')).toMatchObject({ dueAt: new Date(at.A5).toISOString(), overdue: false });
    expect(items.get('A6')).toMatchObject({ dueAt: null, overdue: false });
    expect(items.get('A7')).toMatchObject({ dueAt: null, overdue: false });
    const one = await agentA.get(`/api/v1/tickets/${ids.A1}`);
    expect(one.json()).toMatchObject({ dueAt: new Date(at.A1).toISOString(), overdue: true });
  });

  it('orders overdue first, then by due time, tickets without one and closed ones last (default and sort=dueAt)', async () => {
    const sortedMiddle = at.A3 < at.A4 ? ['A3', 'A4'] : ['A4', 'A3'];
    const expected = ['A2', 'A1', ...sortedMiddle, 'A5', 'A7', 'A6'];
    expect(subjects(await list(agentA, 'queue=mine'))).toEqual(expected);
    expect(subjects(await list(agentA, 'queue=mine&sort=dueAt'))).toEqual(expected);
    // Another sort still applies; updatedAt descending = insertion order (older updated_at later).
    expect(subjects(await list(agentA, 'queue=mine&sort=-updatedAt'))).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
      'A7',
    ]);
  });

  it('filters overdue, due today and due within the hour (never the overdue ones)', async () => {
    expect(subjects(await list(agentA, 'overdue=true')).sort()).toEqual(['A1', 'A2']);
    expect(subjects(await list(agentA, 'overdue=false')).sort()).toEqual(['A3', 'A4', 'A5', 'A6', 'A7']);
    expect(subjects(await list(agentA, 'due=today')).sort()).toEqual(a4Today ? ['A3', 'A4'] : ['A3']);
    expect(subjects(await list(agentA, 'due=hour')).sort()).toEqual(a3WithinHour ? ['A3', 'A4'] : ['A4']);
    expect(subjects(await list(admin, 'overdue=true')).sort()).toEqual(['A1', 'A2', 'B1', 'U1']);
    expect(subjects(await list(admin, 'overdue=true&complaint=true'))).toEqual(['U1']);
  });

  it('counts per queue and chip in the caller’s scope (hand-counted)', async () => {
    const dueToday = a4Today ? 2 : 1;
    // Agent A (scope own): B1 and the unassigned U1 are not theirs and not counted.
    expect(await counts(agentA, 'queue=mine')).toEqual({
      queues: { mine: 7, team: 7, unassigned: 0, watching: 0, all: 7 },
      chips: { overdue: 2, dueToday, complaint: 1, major: 1, open: 6 },
    });
    // Filters apply to every count: open only.
    expect(await counts(agentA, 'queue=mine&open=true')).toEqual({
      queues: { mine: 6, team: 6, unassigned: 0, watching: 0, all: 6 },
      chips: { overdue: 2, dueToday, complaint: 1, major: 1, open: 6 },
    });
    // The overdue chip on: due today counts without it (the two exclude each other).
    expect((await counts(agentA, 'queue=mine&overdue=true')).chips).toEqual({
      overdue: 2,
      dueToday,
      complaint: 0,
      major: 0,
      open: 2,
    });
    // Administrator (scope all).
    expect(await counts(admin)).toEqual({
      queues: { mine: 0, team: 0, unassigned: 1, watching: 0, all: 9 },
      chips: { overdue: 4, dueToday, complaint: 2, major: 1, open: 8 },
    });
    expect(await countTickets(t.database.db, adminActor, { queue: 'all', overdue: true })).toBe(4);
    expect(await countTickets(t.database.db, adminActor, { queue: 'unassigned', complaint: true })).toBe(1);
  });

  it('refuses unknown due values', async () => {
    expect((await agentA.get('/api/v1/tickets?due=week')).statusCode).toBe(400);
    expect((await agentA.get('/api/v1/tickets/counts?due=week')).statusCode).toBe(400);
  });
});

import type { DataScope } from '@kefu/shared';
import { PERMISSIONS } from '@kefu/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import type { Actor } from '../../../lib/actor.js';
import { ticketScope } from '../core/tickets.repository.js';
import { tickets } from '../tickets.tables.js';
import { ticketFilters } from './tickets.list.js';
import { resolvedScopeSql, resolveTicketScope } from './tickets.list-scope.js';

/**
 * The list's resolved scope (constants) must select exactly the tickets of ticketScope (sub-queries),
 * for every kind of data scope, and the team / watching queues the tickets of their sub-query forms.
 */
describe('tickets: the list scope resolved to constants', () => {
  let database: TestDatabase;
  const actors: Record<string, Actor> = {};
  const ids: Record<string, string> = {};

  const actor = (userId: string, dataScope: DataScope, departmentId: string | null): Actor => ({
    userId,
    username: userId,
    displayName: userId,
    roleKey: 'test',
    permissions: new Set(PERMISSIONS),
    dataScope,
    departmentId,
    locale: 'zh-CN',
    via: 'session',
  });

  const select = async (where: SQL | undefined) => {
    const rows = await database.db.select({ id: tickets.id }).from(tickets).where(where);
    return rows.map((r) => r.id).sort();
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    const centre = await createDepartment(db, { name: '客户服务中心' });
    const hotline = await createDepartment(db, { name: '热线组', parentId: centre.id });
    const field = await createDepartment(db, { name: '现场服务组', parentId: centre.id });
    const other = await createDepartment(db, { name: '华南分部' });
    const manager = await createUser(db, { roleKey: 'department_manager', departmentId: centre.id });
    const lead = await createUser(db, { roleKey: 'supervisor', departmentId: hotline.id, superiorId: manager.id });
    const agent = await createUser(db, { roleKey: 'agent', departmentId: hotline.id, superiorId: lead.id });
    const peer = await createUser(db, { roleKey: 'agent', departmentId: hotline.id, superiorId: lead.id });
    const engineer = await createUser(db, { roleKey: 'field_engineer', departmentId: field.id });
    const stranger = await createUser(db, { roleKey: 'agent', departmentId: other.id });
    const heavyWatcher = await createUser(db, { roleKey: 'agent', departmentId: other.id });
    Object.assign(ids, { hotline: hotline.id, field: field.id, other: other.id });
    actors.admin = actor(manager.id, 'all', centre.id);
    actors.manager = actor(manager.id, 'department', centre.id);
    actors.lead = actor(lead.id, 'team', hotline.id);
    actors.agent = actor(agent.id, 'own', hotline.id);
    actors.stranger = actor(stranger.id, 'own', other.id);
    actors.heavyWatcher = actor(heavyWatcher.id, 'own', other.id);
    actors.noDepartment = actor(engineer.id, 'team', null);

    // Every combination of assignee, creator and department among these people, plus unassigned ones.
    const people = [null, manager.id, lead.id, agent.id, peer.id, engineer.id, stranger.id];
    const departments = [null, hotline.id, field.id, other.id];
    const values: SQL[] = [];
    for (const assignee of people) {
      for (const creator of people) {
        for (const department of departments) {
          values.push(sql`('other', 'phone', 's', 'd', ${assignee}::uuid, ${creator}::uuid, ${department}::uuid)`);
        }
      }
    }
    await db.execute(sql`INSERT INTO tickets (type_key, channel, subject, description, assignee_id, created_by, department_id)
      VALUES ${sql.join(values, sql`, `)}`);
    // The stranger watches two tickets of others; the heavy watcher more than are inlined.
    await db.execute(sql`INSERT INTO ticket_watchers (ticket_id, user_id)
      SELECT id, ${stranger.id}::uuid FROM tickets WHERE assignee_id = ${peer.id}::uuid ORDER BY id LIMIT 2`);
    await db.execute(sql`INSERT INTO tickets (type_key, channel, subject, description, next_reply_at)
      SELECT CASE WHEN g % 3 = 0 THEN 'complaint' ELSE 'service' END, 'phone', 'w' || g, 'd', now() + interval '1 day'
      FROM generate_series(1, 520) AS g`);
    await db.execute(sql`INSERT INTO ticket_watchers (ticket_id, user_id)
      SELECT id, ${heavyWatcher.id}::uuid FROM tickets WHERE subject LIKE 'w%' LIMIT 510`);
  });
  afterAll(async () => database?.drop());

  it('selects the tickets of ticketScope for every kind of scope', async () => {
    for (const [name, a] of Object.entries(actors)) {
      const resolved = await resolveTicketScope(database.db, a, { queue: 'all' });
      const expected = await select(ticketScope(a));
      expect(await select(resolvedScopeSql(a, resolved)), name).toEqual(expected);
      expect(expected.length, name).toBeGreaterThan(0);
    }
    // The watched tickets of a heavy watcher stay a sub-query.
    expect(
      (await resolveTicketScope(database.db, actors.heavyWatcher as Actor, { queue: 'all' })).watchedIds,
    ).toBeNull();
  });

  it('every queue with the scope the queue implies dropped selects what queue and full scope did', async () => {
    for (const [name, a] of Object.entries(actors)) {
      for (const queue of ['mine', 'team', 'unassigned', 'watching', 'all'] as const) {
        const resolved = await resolveTicketScope(database.db, a, { queue });
        const filters = ticketFilters(a, { queue }, resolved);
        expect(await select(and(resolvedScopeSql(a, resolved, queue), ...filters)), `${name} ${queue}`).toEqual(
          await select(and(ticketScope(a), ...filters)),
        );
      }
    }
  });

  it('the complaint filter selects what its sub-query did', async () => {
    const a = actors.admin as Actor;
    for (const complaint of [true, false]) {
      const resolved = await resolveTicketScope(database.db, a, { queue: 'all', complaint });
      const expected = await select(
        sql`${tickets.typeKey} IN (SELECT key FROM ticket_types WHERE is_complaint = ${complaint})`,
      );
      expect(await select(and(...ticketFilters(a, { queue: 'all', complaint }, resolved))), String(complaint)).toEqual(
        expected,
      );
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('the team and watching queues select what their sub-queries did', async () => {
    for (const [name, a] of Object.entries(actors)) {
      const team = await resolveTicketScope(database.db, a, { queue: 'team' });
      const members = sql`WITH RECURSIVE team(id) AS (
          SELECT ${a.userId}::uuid UNION SELECT u.id FROM users u JOIN team t ON u.superior_id = t.id
        ) SELECT id FROM team`;
      const teamQueue = a.departmentId
        ? sql`(${tickets.assigneeId} IN (${members}) OR (${tickets.assigneeId} IS NULL AND ${tickets.departmentId} = ${a.departmentId}::uuid))`
        : sql`${tickets.assigneeId} IN (${members})`;
      expect(await select(and(...ticketFilters(a, { queue: 'team' }, team))), `${name} team`).toEqual(
        await select(teamQueue),
      );
      const watching = await resolveTicketScope(database.db, a, { queue: 'watching' });
      expect(await select(and(...ticketFilters(a, { queue: 'watching' }, watching))), `${name} watching`).toEqual(
        await select(
          sql`EXISTS (SELECT 1 FROM ticket_watchers tw WHERE tw.ticket_id = ${tickets.id} AND tw.user_id = ${a.userId}::uuid)`,
        ),
      );
    }
  });
});

import { DEFAULT_ROLES } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/**
 * Data scope on /users, on an organisation like the demo one:
 *
 *   总经理办公室: gm (general_manager)
 *   客户服务中心: dm (department_manager)
 *     热线组: sup1 (supervisor, → dm), lead1 (agent, → sup1), agent1 (agent, → lead1), loner (agent, no superior)
 *     回访组: sup2 (supervisor, → dm), agent2 (agent, → sup2)
 *   (none): admin
 */
describe('users data scope', () => {
  let t: TestApp;
  let admin: Session;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    id.admin = admin.userId;
    const { db } = t.database;
    const office = await createDepartment(db, { name: '总经理办公室' });
    const center = await createDepartment(db, { name: '客户服务中心' });
    const hotline = await createDepartment(db, { name: '热线组', parentId: center.id });
    const callback = await createDepartment(db, { name: '回访组', parentId: center.id });
    const people: [string, string, string, string?][] = [
      ['gm', 'general_manager', office.id],
      ['dm', 'department_manager', center.id, 'gm'],
      ['sup1', 'supervisor', hotline.id, 'dm'],
      ['lead1', 'agent', hotline.id, 'sup1'],
      ['agent1', 'agent', hotline.id, 'lead1'],
      ['loner', 'agent', hotline.id],
      ['sup2', 'supervisor', callback.id, 'dm'],
      ['agent2', 'agent', callback.id, 'sup2'],
    ];
    for (const [username, roleKey, departmentId, superior] of people) {
      const user = await createUser(db, {
        username,
        roleKey,
        departmentId,
        superiorId: superior ? id[superior] : null,
      });
      id[username] = user.id;
    }
    // Agents cannot read users by default; grant it so that the "own" scope can be seen at work.
    const permissions = [...(DEFAULT_ROLES.find((r) => r.key === 'agent')?.permissions ?? []), 'users.read'];
    const grant = await admin.patch('/api/v1/roles/agent', { permissions });
    expect(grant.statusCode).toBe(200);
    expect(grant.json()).toMatchObject({ dataScope: 'own', permissions });
  });
  afterAll(async () => t?.close());

  const everyone = () => Object.keys(id).sort();

  async function visible(session: Session): Promise<string[]> {
    const r = await session.get('/api/v1/users?pageSize=200');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { items: { username: string }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((u) => u.username).sort();
  }

  async function expectOnlySees(username: string, expected: string[]) {
    const session = await t.signIn(username);
    expect(await visible(session)).toEqual([...expected].sort());
    for (const other of everyone()) {
      const r = await session.get(`/api/v1/users/${id[other]}`);
      if (expected.includes(other)) {
        expect(r.statusCode, `${username} → ${other}`).toBe(200);
        expect(r.json().username).toBe(other);
      } else {
        // Out of scope looks exactly like "does not exist": no 403 that would confirm the id.
        expect(r.statusCode, `${username} → ${other}`).toBe(404);
        expect(r.json().code).toBe('users.not_found');
      }
    }
    return session;
  }

  it('admin and general_manager ("all") see everyone', async () => {
    expect(await visible(admin)).toEqual(everyone());
    await expectOnlySees('gm', everyone());
  });

  it('department_manager ("department") sees their department and its sub-departments', async () => {
    await expectOnlySees('dm', ['dm', 'sup1', 'lead1', 'agent1', 'loner', 'sup2', 'agent2']);
  });

  it('supervisor ("team") sees self and subordinates at any depth, not department colleagues', async () => {
    await expectOnlySees('sup1', ['sup1', 'lead1', 'agent1']);
    await expectOnlySees('sup2', ['sup2', 'agent2']);
  });

  it('"team" follows the reporting line below any user, even one whose role is agent', async () => {
    // lead1 is an agent ("own") — switch the agent role to "team" and lead1 sees their report.
    expect((await admin.patch('/api/v1/roles/agent', { dataScope: 'team' })).statusCode).toBe(200);
    try {
      await expectOnlySees('lead1', ['lead1', 'agent1']);
    } finally {
      expect((await admin.patch('/api/v1/roles/agent', { dataScope: 'own' })).statusCode).toBe(200);
    }
  });

  it('agent ("own") sees only themself', async () => {
    await expectOnlySees('agent1', ['agent1']);
    await expectOnlySees('loner', ['loner']);
  });

  it('scope applies together with filters and to the totals', async () => {
    const dm = await t.signIn('dm');
    const r = await dm.get('/api/v1/users?roleKey=general_manager');
    expect(r.json()).toMatchObject({ items: [], total: 0 });
    const sup1 = await t.signIn('sup1');
    const agents = await sup1.get('/api/v1/users?roleKey=agent&sort=username');
    expect(agents.json().items.map((u: { username: string }) => u.username)).toEqual(['agent1', 'lead1']);
    expect(agents.json().total).toBe(2);
  });

  it('a writer outside their scope cannot update or reset a user: 404', async () => {
    await t.database.executeSql(
      `UPDATE roles SET permissions = array_append(permissions, 'users.write') WHERE key = 'supervisor'`,
    );
    try {
      const sup2 = await t.signIn('sup2');
      const update = await sup2.patch(`/api/v1/users/${id.agent1}`, { displayName: '越权' });
      expect(update.statusCode).toBe(404);
      expect(update.json().code).toBe('users.not_found');
      const reset = await sup2.post(`/api/v1/users/${id.agent1}/password`, { newPassword: 'Hijack2026x' });
      expect(reset.statusCode).toBe(404);
      expect((await admin.get(`/api/v1/users/${id.agent1}`)).json().displayName).not.toBe('越权');
      expect((await sup2.patch(`/api/v1/users/${id.agent2}`, { displayName: '回访专员二' })).statusCode).toBe(200);
    } finally {
      await t.database.executeSql(
        `UPDATE roles SET permissions = array_remove(permissions, 'users.write') WHERE key = 'supervisor'`,
      );
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

type Department = {
  id: string;
  name: string;
  parentId: string | null;
  memberCount: number;
  managerName: string | null;
};

describe('departments', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  async function list(): Promise<Department[]> {
    const r = await admin.get('/api/v1/departments');
    expect(r.statusCode).toBe(200);
    return r.json().items;
  }
  const byId = async (id: string) => (await list()).find((d) => d.id === id);

  it('creates, lists, updates and deletes a department tree', async () => {
    const center = await admin.post('/api/v1/departments', { name: '  客户服务中心 ', sortOrder: 2 });
    expect(center.statusCode).toBe(201);
    expect(center.json()).toMatchObject({
      name: '客户服务中心',
      parentId: null,
      managerId: null,
      sortOrder: 2,
      memberCount: 0,
    });
    const centerId = center.json().id as string;
    const hotline = await admin.post('/api/v1/departments', { name: '热线组', parentId: centerId, sortOrder: 1 });
    expect(hotline.statusCode).toBe(201);
    expect(hotline.json().parentId).toBe(centerId);

    const manager = await createUser(t.database.db, { displayName: '李静', roleKey: 'department_manager' });
    const renamed = await admin.patch(`/api/v1/departments/${hotline.json().id}`, {
      name: '热线一组',
      managerId: manager.id,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: '热线一组',
      parentId: centerId,
      managerId: manager.id,
      managerName: '李静',
    });
    expect(await byId(hotline.json().id)).toMatchObject({ name: '热线一组', managerName: '李静' });

    // Moving to the top level.
    expect(
      (await admin.patch(`/api/v1/departments/${hotline.json().id}`, { parentId: null })).json().parentId,
    ).toBeNull();
    expect((await admin.delete(`/api/v1/departments/${hotline.json().id}`)).statusCode).toBe(204);
    expect(await byId(hotline.json().id)).toBeUndefined();
    const again = await admin.delete(`/api/v1/departments/${hotline.json().id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('departments.not_found');
    expect((await admin.patch(`/api/v1/departments/${hotline.json().id}`, { name: 'x' })).statusCode).toBe(404);
  });

  it('lists in sort order, then by name', async () => {
    const parent = (await admin.post('/api/v1/departments', { name: '排序测试' })).json().id;
    for (const [name, sortOrder] of [
      ['a', 2],
      ['c', 1],
      ['b', 1],
    ] as const) {
      await admin.post('/api/v1/departments', { name, parentId: parent, sortOrder });
    }
    const children = (await list()).filter((d) => d.parentId === parent).map((d) => d.name);
    expect(children).toEqual(['b', 'c', 'a']);
  });

  it('refuses a parent that is the department itself or one of its descendants', async () => {
    const a = (await admin.post('/api/v1/departments', { name: 'A' })).json().id;
    const b = (await admin.post('/api/v1/departments', { name: 'B', parentId: a })).json().id;
    const c = (await admin.post('/api/v1/departments', { name: 'C', parentId: b })).json().id;
    for (const parentId of [a, b, c]) {
      const r = await admin.patch(`/api/v1/departments/${a}`, { parentId });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'departments.parent_cycle', errors: [{ path: 'parentId' }] });
    }
    expect((await byId(a))?.parentId).toBeNull();
    // Re-parenting across branches is fine.
    expect((await admin.patch(`/api/v1/departments/${c}`, { parentId: a })).json().parentId).toBe(a);
  });

  it('refuses unknown parent and manager', async () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const noParent = await admin.post('/api/v1/departments', { name: 'X', parentId: uuid });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json()).toMatchObject({ code: 'departments.not_found', errors: [{ path: 'parentId' }] });
    const noManager = await admin.post('/api/v1/departments', { name: 'X', managerId: uuid });
    expect(noManager.json()).toMatchObject({ code: 'users.not_found', errors: [{ path: 'managerId' }] });
    expect((await list()).some((d) => d.name === 'X')).toBe(false);
  });

  it('refuses to delete a department with sub-departments or members: 409 departments.not_empty', async () => {
    const parent = (await admin.post('/api/v1/departments', { name: '非空上级' })).json().id;
    const child = (await admin.post('/api/v1/departments', { name: '非空下级', parentId: parent })).json().id;
    const withChild = await admin.delete(`/api/v1/departments/${parent}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().code).toBe('departments.not_empty');

    const member = await createUser(t.database.db, { departmentId: child });
    const withMember = await admin.delete(`/api/v1/departments/${child}`);
    expect(withMember.statusCode).toBe(409);
    expect(withMember.json().code).toBe('departments.not_empty');
    // Moving the member out empties it; then both levels can go.
    expect((await admin.patch(`/api/v1/users/${member.id}`, { departmentId: null })).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/departments/${child}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/departments/${parent}`)).statusCode).toBe(204);
  });

  it('counts the direct members of each department, following moves', async () => {
    const parent = (await admin.post('/api/v1/departments', { name: '人数上级' })).json().id;
    const child = (await admin.post('/api/v1/departments', { name: '人数下级', parentId: parent })).json().id;
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await createUser(t.database.db, { departmentId: child }));
    await createUser(t.database.db, { departmentId: parent, isActive: false });
    expect((await byId(parent))?.memberCount).toBe(1);
    expect((await byId(child))?.memberCount).toBe(3);

    await admin.patch(`/api/v1/users/${people[0]?.id}`, { departmentId: parent });
    expect((await byId(parent))?.memberCount).toBe(2);
    expect((await byId(child))?.memberCount).toBe(2);
    // The created/updated responses carry the count too.
    expect((await admin.patch(`/api/v1/departments/${child}`, { sortOrder: 5 })).json().memberCount).toBe(2);
  });

  it('is readable with departments.read, writable only with departments.write', async () => {
    await createUser(t.database.db, { username: 'dept_agent', roleKey: 'agent' });
    const agent = await t.signIn('dept_agent');
    expect((await agent.get('/api/v1/departments')).statusCode).toBe(200);
    const r = await agent.post('/api/v1/departments', { name: '越权部门' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'forbidden', params: { permission: 'departments.write' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

type View = {
  id: string;
  name: string;
  query: Record<string, unknown>;
  isShared: boolean;
  isOwn: boolean;
  ownerName: string;
};

describe('saved views', () => {
  let t: TestApp;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database.db, { username: 'sv_alice', displayName: '王丽', roleKey: 'agent' });
    await createUser(t.database.db, { username: 'sv_bob', displayName: '张强', roleKey: 'agent' });
    admin = await t.signIn('admin');
    alice = await t.signIn('sv_alice');
    bob = await t.signIn('sv_bob');
  });
  afterAll(async () => t?.close());

  async function list(s: Session, module = 'customers'): Promise<View[]> {
    const r = await s.get(`/api/v1/saved-views?module=${module}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items;
  }

  it('saves, replaces by name, shares and deletes, with an audit trail', async () => {
    const created = await alice.post('/api/v1/saved-views', {
      module: 'customers',
      name: '  A 级客户 ',
      query: { grade: ['A'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'A 级客户', isShared: false, isOwn: true, ownerName: '王丽' });
    const id = created.json().id as string;

    // Same name, same module: replaced in place (same id), now shared.
    const replaced = await alice.post('/api/v1/saved-views', {
      module: 'customers',
      name: 'A 级客户',
      query: { grade: ['A'], isKey: 'true' },
      isShared: true,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ id, isShared: true, query: { grade: ['A'], isKey: 'true' } });
    expect(await list(alice)).toEqual([expect.objectContaining({ id, isOwn: true })]);

    // Same name in another module is another view.
    expect((await alice.post('/api/v1/saved-views', { module: 'users', name: 'A 级客户', query: {} })).statusCode).toBe(
      201,
    );
    expect(await list(alice, 'users')).toHaveLength(1);

    const audit = await admin.get(`/api/v1/audit?entityType=saved_view&entityId=${id}`);
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['saved_view.created', 'saved_view.updated']);

    expect((await alice.delete(`/api/v1/saved-views/${id}`)).statusCode).toBe(204);
    expect(await list(alice)).toEqual([]);
    const again = await alice.delete(`/api/v1/saved-views/${id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('saved_views.not_found');
    const deleted = await admin.get(`/api/v1/audit?entityType=saved_view&entityId=${id}&action=saved_view.deleted`);
    expect(deleted.json().items).toHaveLength(1);
  });

  it('shows others only the shared views, with the owner, and lets only the owner delete', async () => {
    const personal = (
      await bob.post('/api/v1/saved-views', { module: 'customers', name: '我的', query: { q: 'x' } })
    ).json();
    const shared = (
      await bob.post('/api/v1/saved-views', {
        module: 'customers',
        name: '全部重点',
        query: { isKey: 'true' },
        isShared: true,
      })
    ).json();
    const own = (await alice.post('/api/v1/saved-views', { module: 'customers', name: '全部重点', query: {} })).json();

    const seen = await list(alice);
    // Own first, then others' shared ones; bob's personal view never appears.
    expect(seen.map((v) => [v.name, v.isOwn, v.ownerName])).toEqual([
      ['全部重点', true, '王丽'],
      ['全部重点', false, '张强'],
    ]);
    expect(seen.some((v) => v.id === personal.id)).toBe(false);

    // Another user's view, shared or not, is not found for deletion and stays.
    for (const id of [shared.id, personal.id]) {
      const r = await alice.delete(`/api/v1/saved-views/${id}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('saved_views.not_found');
    }
    expect((await list(bob)).map((v) => v.id).sort()).toEqual([personal.id, shared.id].sort());
    // Saving under the same name as someone else's shared view creates the caller's own.
    expect(own.id).not.toBe(shared.id);

    // Un-sharing hides it again.
    await bob.post('/api/v1/saved-views', { module: 'customers', name: '全部重点', query: {}, isShared: false });
    expect((await list(alice)).map((v) => v.id)).toEqual([own.id]);
  });

  it('validates the module, the name and the query', async () => {
    expect((await alice.get('/api/v1/saved-views')).statusCode).toBe(400);
    expect((await alice.get('/api/v1/saved-views?module=orders')).statusCode).toBe(400);
    const bad = [
      { module: 'orders', name: 'x', query: {} },
      { module: 'customers', name: '   ', query: {} },
      { module: 'customers', name: 'x'.repeat(65), query: {} },
      { module: 'customers', name: 'x', query: [] },
      { module: 'customers', name: 'x', query: { q: 'y'.repeat(9000) } },
      { module: 'customers', name: 'x', query: {}, extra: 1 },
    ];
    for (const body of bad) {
      const r = await alice.post('/api/v1/saved-views', body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json().code).toBe('validation_failed');
    }
    expect((await alice.delete('/api/v1/saved-views/not-a-uuid')).statusCode).toBe(400);
  });
});

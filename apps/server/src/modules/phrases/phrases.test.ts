import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';
import { STARTER_SERVICE_PHRASES } from '../../db/seed/phrases.data.js';
import { seedDemoCannedReplies, seedServiceStandards } from '../../db/seed/phrases.js';

type Phrase = { id: string; category: string; text: string; textEn: string | null; isActive: boolean };
type Reply = { id: string; title: string; body: string; isShared: boolean; ownerId: string; canEdit: boolean };

describe('standard phrases and canned replies', () => {
  let t: TestApp;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedServiceStandards(t.database.db);
    await seedDemoCannedReplies(t.database.db);
    await createUser(t.database.db, { username: 'ph_alice', displayName: '王丽', roleKey: 'agent' });
    await createUser(t.database.db, { username: 'ph_bob', displayName: '张强', roleKey: 'agent' });
    admin = await t.signIn('admin');
    alice = await t.signIn('ph_alice');
    bob = await t.signIn('ph_bob');
  });
  afterAll(async () => t?.close());

  it('lists the seeded library to agents, searches it, and lets only managers edit it', async () => {
    const all = await alice.get('/api/v1/phrases');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items).toHaveLength(STARTER_SERVICE_PHRASES.length);
    const found = (await alice.get(`/api/v1/phrases?q=${encodeURIComponent('久等')}`)).json().items as Phrase[];
    expect(found.map((p) => p.text)).toEqual(['对不起，让您久等了。']);
    const byCategory = (await alice.get(`/api/v1/phrases?category=${encodeURIComponent('结束语')}`)).json().items;
    expect(byCategory.length).toBeGreaterThanOrEqual(3);
    expect((await alice.get('/api/v1/phrases?q=waiting')).json().items.length).toBeGreaterThan(0);

    const refused = await alice.post('/api/v1/phrases', { category: '问候', text: '您好' });
    expect(refused.statusCode).toBe(403);

    const created = await admin.post('/api/v1/phrases', { category: '问候', text: '您好，欢迎致电。', sortOrder: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const disabled = await admin.patch(`/api/v1/phrases/${id}`, {
      isActive: false,
      textEn: 'Hello, thanks for calling.',
    });
    expect(disabled.json()).toMatchObject({ isActive: false, textEn: 'Hello, thanks for calling.' });
    expect((await alice.get('/api/v1/phrases')).json().items.some((p: Phrase) => p.id === id)).toBe(false);
    expect(
      (await admin.get('/api/v1/phrases?includeInactive=true')).json().items.some((p: Phrase) => p.id === id),
    ).toBe(true);
    expect((await admin.delete(`/api/v1/phrases/${id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/phrases/${id}`)).json().code).toBe('phrases.not_found');

    const audit = (await admin.get(`/api/v1/audit?entityType=service_phrase&entityId=${id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual([
      'service_phrase.created',
      'service_phrase.deleted',
      'service_phrase.updated',
    ]);
  });

  it('keeps personal canned replies personal and shared ones for managers to edit', async () => {
    const shared = (await alice.get('/api/v1/canned-replies')).json().items as Reply[];
    expect(shared.length).toBeGreaterThanOrEqual(8);
    expect(shared.every((r) => r.isShared && !r.canEdit)).toBe(true);

    const mine = await alice.post('/api/v1/canned-replies', {
      title: '我的常用开场',
      body: '{customerName}您好，我是{agentName}，工单 {ticketNumber} 由我负责跟进。',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ isShared: false, canEdit: true, ownerName: '王丽' });
    const mineId = mine.json().id as string;

    // Bob sees neither the reply nor a way to change it.
    expect((await bob.get('/api/v1/canned-replies?scope=personal')).json().items).toEqual([]);
    expect((await bob.patch(`/api/v1/canned-replies/${mineId}`, { title: 'x' })).statusCode).toBe(404);
    expect((await bob.delete(`/api/v1/canned-replies/${mineId}`)).statusCode).toBe(404);
    expect((await alice.get('/api/v1/canned-replies?scope=personal')).json().items).toHaveLength(1);
    const search = (await alice.get(`/api/v1/canned-replies?q=${encodeURIComponent('常用开场')}`)).json().items;
    expect(search.map((r: Reply) => r.id)).toEqual([mineId]);

    const sharing = await alice.post('/api/v1/canned-replies', { title: '共享', body: '您好', isShared: true });
    expect(sharing.statusCode).toBe(403);
    expect(sharing.json().params.permission).toBe('phrases.manage');
    const sharedId = shared[0]?.id as string;
    expect((await alice.patch(`/api/v1/canned-replies/${sharedId}`, { title: '改' })).statusCode).toBe(403);

    const typo = await alice.patch(`/api/v1/canned-replies/${mineId}`, { body: '{customer_name}您好，{ticketNumber}' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().code).toBe('phrases.unknown_variable');

    const edited = await admin.patch(`/api/v1/canned-replies/${sharedId}`, { title: '受理确认（新）' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '受理确认（新）', canEdit: true });
    const adminShared = await admin.post('/api/v1/canned-replies', {
      title: '节假日',
      body: '节假日值班中。',
      isShared: true,
    });
    expect(adminShared.statusCode).toBe(201);
    expect((await bob.get('/api/v1/canned-replies?scope=shared')).json().items.map((r: Reply) => r.id)).toContain(
      adminShared.json().id,
    );
    expect((await alice.delete(`/api/v1/canned-replies/${mineId}`)).statusCode).toBe(204);
    const audit = (await admin.get(`/api/v1/audit?entityType=canned_reply&entityId=${mineId}`)).json().items;
    expect(audit).toHaveLength(2);
  });
});

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';
import { STARTER_FORBIDDEN_PHRASES } from '../../db/seed/phrases.data.js';
import { seedServiceStandards } from '../../db/seed/phrases.js';
import { checkReply, recordOverride } from './phrases.service.js';
import { forbiddenPhrases } from './phrases.tables.js';

type Hit = { phraseId: string; phrase: string; alternative: string; start: number; end: number; matched: string };

describe('forbidden phrases', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let supervisor: Session;
  let otherSupervisor: Session;
  let agentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await seedServiceStandards(t.database.db);
    const sup = await createUser(t.database.db, { username: 'fp_sup', displayName: '李主管', roleKey: 'supervisor' });
    await createUser(t.database.db, { username: 'fp_sup2', displayName: '赵主管', roleKey: 'supervisor' });
    const a = await createUser(t.database.db, {
      username: 'fp_agent',
      displayName: '陈专员',
      roleKey: 'agent',
      superiorId: sup.id,
    });
    agentId = a.id;
    admin = await t.signIn('admin');
    agent = await t.signIn('fp_agent');
    supervisor = await t.signIn('fp_sup');
    otherSupervisor = await t.signIn('fp_sup2');
  });
  afterAll(async () => t?.close());

  const check = async (s: Session, text: string): Promise<Hit[]> => {
    const r = await s.post('/api/v1/forbidden-phrases/check', { text });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().hits;
  };

  it('lists the starter pairs to agents and checks a reply, with offsets into the original text', async () => {
    const list = await agent.get('/api/v1/forbidden-phrases');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(STARTER_FORBIDDEN_PHRASES.length);
    expect(list.json().items[0]).not.toHaveProperty('normalized');

    const text = '您好！这 不\u200b归 我 管，你问别人去。不知道您是否方便？';
    const hits = await check(agent, text);
    expect(hits.map((h) => h.phrase)).toEqual(['这不归我管', '你问别人去']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.matched);
    expect(hits[0]?.alternative).toContain('我马上帮您联系');
    expect(await check(agent, '请问还有其他需要我帮助的吗？')).toEqual([]);
    expect((await agent.post('/api/v1/forbidden-phrases/check', {})).statusCode).toBe(400);
  });

  it('lets administrators manage the list; duplicates, empty phrases and bad exceptions are refused', async () => {
    expect((await agent.post('/api/v1/forbidden-phrases', { phrase: '滚', alternative: '请' })).statusCode).toBe(403);

    const created = await admin.post('/api/v1/forbidden-phrases', {
      phrase: '你们自己想办法',
      alternative: '我们一起看看有哪些办法可以解决。',
      category: '推诿',
      severity: 'high',
      exceptions: ['你们自己想办法的话'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ isActive: true, severity: 'high', exceptions: ['你们自己想办法的话'] });

    const duplicate = await admin.post('/api/v1/forbidden-phrases', {
      phrase: '你们 自己，想办法！',
      alternative: 'x',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'phrases.forbidden_duplicate',
      params: { phrase: '你们自己想办法' },
    });
    const traditional = await admin.post('/api/v1/forbidden-phrases', { phrase: '你們自己想辦法', alternative: 'x' });
    expect(traditional.statusCode).toBe(409);
    expect(traditional.json()).toMatchObject({ params: { phrase: '你们自己想办法' } });
    const fullWidth = await admin.post('/api/v1/forbidden-phrases', { phrase: 'ＲＴＦＭ', alternative: '我来说明' });
    expect(fullWidth.statusCode).toBe(201);
    expect((await admin.post('/api/v1/forbidden-phrases', { phrase: 'r t f m', alternative: 'x' })).statusCode).toBe(
      409,
    );

    const empty = await admin.post('/api/v1/forbidden-phrases', { phrase: '？！……', alternative: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('phrases.forbidden_empty');
    const badException = await admin.patch(`/api/v1/forbidden-phrases/${created.json().id}`, {
      exceptions: ['想办法'],
    });
    expect(badException.statusCode).toBe(400);
    expect(badException.json()).toMatchObject({ code: 'phrases.exception_invalid', params: { exception: '想办法' } });

    expect((await check(agent, '这事你们自己想办法。')).map((h) => h.phrase)).toEqual(['你们自己想办法']);
    expect(await check(agent, '這事你們自己想辦法。')).toMatchObject([{ phrase: '你们自己想办法', start: 2, end: 9 }]);
    expect(await check(agent, 'rtfm')).toHaveLength(1);

    const audit = (await admin.get(`/api/v1/audit?entityType=forbidden_phrase&entityId=${created.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['forbidden_phrase.created']);
  });

  it('sees every change at once: edit, disable, enable, delete, and a write by another instance', async () => {
    const created = await admin.post('/api/v1/forbidden-phrases', {
      phrase: '关我什么事',
      alternative: '我来帮您处理。',
    });
    const id = created.json().id as string;
    expect(await check(agent, '这关我什么事')).toHaveLength(1);

    await admin.patch(`/api/v1/forbidden-phrases/${id}`, { isActive: false });
    expect(await check(agent, '这关我什么事')).toEqual([]);
    expect((await agent.get('/api/v1/forbidden-phrases')).json().items.some((p: { id: string }) => p.id === id)).toBe(
      false,
    );
    await admin.patch(`/api/v1/forbidden-phrases/${id}`, { isActive: true, phrase: '关我啥事' });
    expect(await check(agent, '这关我什么事')).toEqual([]);
    expect((await check(agent, '这关我啥事')).map((h) => h.phraseId)).toEqual([id]);

    // Another instance edits the row directly: the fingerprint changes, this process rebuilds.
    await t.database.db
      .update(forbiddenPhrases)
      .set({ alternative: '这件事我来负责。', updatedAt: new Date(Date.now() + 1000) })
      .where(eq(forbiddenPhrases.id, id));
    expect((await check(agent, '关我啥事'))[0]?.alternative).toBe('这件事我来负责。');
    expect((await checkReply(t.database.db, '关我啥事'))[0]?.phraseId).toBe(id);

    expect((await admin.delete(`/api/v1/forbidden-phrases/${id}`)).statusCode).toBe(204);
    expect(await check(agent, '这关我啥事')).toEqual([]);
    expect((await admin.delete(`/api/v1/forbidden-phrases/${id}`)).json().code).toBe('phrases.forbidden_not_found');
  });

  it('records an override with its reason for the supervisor in scope to review, once', async () => {
    const ticketId = randomUUID();
    const hits = await checkReply(t.database.db, '我们下班了，明天再说。');
    expect(hits).toHaveLength(1);
    await expect(
      recordOverride(t.database.db, { ticketId, authorId: agentId, hits, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const override = await t.database.db.transaction((tx) =>
      recordOverride(tx, { ticketId, ref: 'T-000001', authorId: agentId, hits, reason: '客户要求如实告知下班时间' }),
    );

    expect((await agent.get('/api/v1/forbidden-phrases/overrides')).statusCode).toBe(403);
    const pending = await supervisor.get('/api/v1/forbidden-phrases/overrides');
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json().total).toBe(1);
    expect(pending.json().items[0]).toMatchObject({
      id: override.id,
      ref: 'T-000001',
      authorName: '陈专员',
      reason: '客户要求如实告知下班时间',
      reviewedAt: null,
      hits: [{ phrase: '我们下班了', matched: '我们下班了', start: 0, end: 5 }],
    });
    // Not the other supervisor's team: not listed, not reviewable.
    expect((await otherSupervisor.get('/api/v1/forbidden-phrases/overrides?status=all')).json().total).toBe(0);
    const outOfScope = await otherSupervisor.post(`/api/v1/forbidden-phrases/overrides/${override.id}/review`, {});
    expect(outOfScope.statusCode).toBe(404);

    const reviewed = await supervisor.post(`/api/v1/forbidden-phrases/overrides/${override.id}/review`, {
      note: '已与专员沟通，下次使用标准用语',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ reviewerName: '李主管', reviewNote: '已与专员沟通，下次使用标准用语' });
    const again = await supervisor.post(`/api/v1/forbidden-phrases/overrides/${override.id}/review`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'phrases.override_reviewed', params: { name: '李主管' } });

    expect((await supervisor.get('/api/v1/forbidden-phrases/overrides')).json().total).toBe(0);
    const done = await supervisor.get(`/api/v1/forbidden-phrases/overrides?status=reviewed&ticketId=${ticketId}`);
    expect(done.json().items.map((o: { id: string }) => o.id)).toEqual([override.id]);
    expect((await admin.get('/api/v1/forbidden-phrases/overrides?status=all')).json().total).toBe(1);
    const audit = (
      await admin.get(`/api/v1/audit?entityType=forbidden_phrase_override&entityId=${override.id}`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['forbidden_phrase_override.reviewed']);
  });
});

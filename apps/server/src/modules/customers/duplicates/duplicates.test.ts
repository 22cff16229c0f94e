import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvBuffer, uploadFile } from '../../../../test/customer-import-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

/**
 * Issue 10, defect 5: a duplicate warning never names a customer outside the caller's scope — it
 * says whom to ask, and asking is a feature (an in-app notice to the owner and their superiors).
 */
describe('customers: duplicates outside the caller’s scope', () => {
  let t: TestApp;
  let agentA: Session;
  let agentC: Session;
  let assistant: Session;
  const ids: Record<string, string> = {};
  const theirs = { name: '广州喜临门婚纱摄影有限公司', phone: '020-38881234', email: 'xlm@example.cn' };
  let theirCode = '';
  let mineCode = '';

  const db = () => t.database.db;
  const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    (await db().execute<T>(query)).rows;
  /** Nothing that identifies the other team's customer. */
  const expectNoIdentity = (body: string) => {
    for (const secret of [ids.theirs, theirCode, theirs.name]) expect(body).not.toContain(secret);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const hotline = await createDepartment(db(), { name: '热线组' });
    const south = await createDepartment(db(), { name: '华南分部' });
    const southMgr = await createUser(db(), {
      username: 'southmgr',
      displayName: '南区经理',
      roleKey: 'department_manager',
      departmentId: south.id,
    });
    await db().execute(sql`UPDATE departments SET manager_id = ${southMgr.id}::uuid WHERE id = ${south.id}::uuid`);
    const southSup = await createUser(db(), {
      username: 'southsup',
      displayName: '刘主管',
      roleKey: 'supervisor',
      departmentId: south.id,
      superiorId: southMgr.id,
    });
    ids.southMgr = southMgr.id;
    ids.southSup = southSup.id;
    ids.agentC = (
      await createUser(db(), { username: 'agentc', roleKey: 'agent', departmentId: south.id, superiorId: southSup.id })
    ).id;
    ids.agentA = (await createUser(db(), { username: 'agenta', roleKey: 'agent', departmentId: hotline.id })).id;
    await createUser(db(), { username: 'asst', roleKey: 'assistant', departmentId: hotline.id });
    agentA = await t.signIn('agenta');
    agentC = await t.signIn('agentc');
    assistant = await t.signIn('asst');
    const theirsCreated = await agentC.post('/api/v1/customers', { kind: 'company', ...theirs });
    expect(theirsCreated.statusCode, theirsCreated.body).toBe(201);
    ids.theirs = theirsCreated.json().id;
    theirCode = theirsCreated.json().code;
    const mine = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械有限公司',
      phone: '021-62345678',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    ids.mine = mine.json().id;
    mineCode = mine.json().code;
  });
  afterAll(async () => t?.close());

  it('POST /customers: an in-scope duplicate is named; an out-of-scope one only says whom to ask', async () => {
    const inScope = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '华信医疗（新）',
      phone: '02162345678',
    });
    expect(inScope.statusCode).toBe(409);
    expect(inScope.json()).toMatchObject({
      code: 'customers.possible_duplicate',
      params: { duplicates: [{ id: ids.mine, code: mineCode, reasons: ['phone'] }] },
    });

    const elsewhere = await agentA.post(
      '/api/v1/customers',
      { kind: 'person', name: '张三', phone: '02038881234' },
      { 'accept-language': 'en' },
    );
    expect(elsewhere.statusCode).toBe(409);
    expectNoIdentity(elsewhere.body);
    const problem = elsewhere.json();
    expect(problem.code).toBe('customers.duplicate_elsewhere');
    expect(problem.params.elsewhere).toEqual([{ reasons: ['phone'], contacts: ['刘主管', '南区经理'] }]);
    expect(problem.detail).toContain('ask 刘主管、南区经理 to share it');
    // The same e-mail (any case) is a duplicate too; confirming saves anyway.
    const byEmail = await agentA.post('/api/v1/customers', { kind: 'person', name: '李四', email: 'XLM@example.cn' });
    expect(byEmail.json().params.elsewhere).toEqual([{ reasons: ['email'], contacts: ['刘主管', '南区经理'] }]);
    expectNoIdentity(byEmail.body);
  });

  it('asking for access notifies the owner and whom to ask, is audited, and reveals nothing', async () => {
    const asked = await agentA.post('/api/v1/customers/access-requests', {
      phone: '020-38881234',
      note: '客户来电要求报修',
    });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toEqual({ contacts: ['刘主管', '南区经理'] });
    expectNoIdentity(asked.body);

    const sent = await rows<{ recipient: string; subject: string; body: string }>(
      sql`SELECT recipient, subject, body FROM notifications WHERE ref = ${`customer:${ids.theirs}/access-request:${ids.agentA}`} ORDER BY recipient`,
    );
    expect(sent.map((n) => n.recipient).sort()).toEqual([ids.agentC, ids.southSup, ids.southMgr].sort());
    for (const n of sent) {
      expect(n.subject).toContain(theirCode);
      expect(n.body).toContain('客户来电要求报修');
    }
    // The requester got nothing that names the customer.
    const mine = await agentA.get('/api/v1/notifications/mine');
    expectNoIdentity(mine.body);

    // Asking again the same day is audited but not announced again.
    expect((await agentA.post('/api/v1/customers/access-requests', { email: 'xlm@example.cn' })).statusCode).toBe(202);
    const audit = await rows<{ entity_id: string; details: { repeated: boolean; matchedBy: string[] } }>(
      sql`SELECT entity_id, details FROM audit_log WHERE action = 'customer.access_requested' AND actor_id = ${ids.agentA}::uuid ORDER BY id`,
    );
    expect(audit.map((a) => [a.entity_id, a.details.repeated, a.details.matchedBy])).toEqual([
      [ids.theirs, false, ['phone']],
      [ids.theirs, true, ['email']],
    ]);
    expect(
      (await rows(sql`SELECT 1 FROM notifications WHERE ref LIKE ${`customer:${ids.theirs}/access-request:%`}`)).length,
    ).toBe(3);

    // Nothing outside the caller's scope with this phone (their own customer's, or nobody's): 404.
    expect((await agentA.post('/api/v1/customers/access-requests', { phone: '021-62345678' })).statusCode).toBe(404);
    expect((await agentA.post('/api/v1/customers/access-requests', { phone: '010-11112222' })).statusCode).toBe(404);
    expect((await agentA.post('/api/v1/customers/access-requests', {})).statusCode).toBe(400);
  });

  it('an import dry run reports duplicates outside the importer’s scope without code or name', async () => {
    const file = csvBuffer([
      ['客户名称', '电话'],
      ['华信医疗（导入）', '021-62345678'], // row 2: the assistant's department's customer
      ['喜临门（导入）', '020-38881234'], // row 3: another department's customer
    ]);
    const uploaded = await uploadFile(t.app, assistant, 'dups.csv', file);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const run = await assistant.post(
      `/api/v1/customer-imports/${uploaded.json().id}/run`,
      { dryRun: true, duplicates: 'skip' },
      { 'accept-language': 'zh-CN' },
    );
    expect(run.statusCode, run.body).toBe(200);
    const result = run.json();
    expect(result.duplicates).toEqual([
      expect.objectContaining({ row: 2, field: 'phone', codes: [mineCode] }),
      expect.objectContaining({ row: 3, field: 'phone', elsewhere: { count: 1, contacts: ['刘主管', '南区经理'] } }),
    ]);
    expect(result.duplicates[1].codes).toBeUndefined();
    expect(result.duplicates[1].message).toContain('请联系 刘主管、南区经理 共享');
    expectNoIdentity(run.body);
  });
  it('GET /customers/:id/duplicates names only in-scope candidates; the others are counted without identity', async () => {
    const twin = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '喜临门（分店）',
      phone: '020-38881234',
      ignoreDuplicates: true,
    });
    expect(twin.statusCode, twin.body).toBe(201);
    const r = await agentA.get(`/api/v1/customers/${twin.json().id}/duplicates`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ items: [], elsewhere: [{ reasons: ['phone'], contacts: ['刘主管', '南区经理'] }] });
    expect(r.body).not.toContain(ids.theirs);
    expect(r.body).not.toContain(theirCode);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

type Policy = {
  id: string;
  name: string;
  nameEn: string;
  metric: string;
  typeKey: string | null;
  priority: string | null;
  targetMinutes: number;
  timeBasis: string;
  ladderId: string | null;
  followUpMinutes: number | null;
  version: number;
};
type Ladder = { id: string; name: string; isBuiltin: boolean; version: number; levels: { limitMinutes: number }[] };
type Cell = {
  typeKey: string;
  priority: string;
  customerGrade: string | null;
  policies: Record<string, { id: string; targetMinutes: number } | null>;
};

const level = (limitMinutes: number, recipients: unknown[] = [{ kind: 'assignee' }]) => ({
  nameZh: '一级',
  nameEn: 'Level one',
  limitMinutes,
  recipients,
  channels: ['in_app'],
});

describe('SLA administration: policies, ladders, settings and the default data', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let departmentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database.db, { username: 'sla_agent', displayName: '王芳', roleKey: 'agent' });
    departmentId = (await createDepartment(t.database.db, { name: '热线组' })).id;
    admin = await t.signIn('admin');
    agent = await t.signIn('sla_agent');
  });
  afterAll(async () => t?.close());

  const policies = async (s: Session = admin) => (await s.get('/api/v1/sla/policies')).json().items as Policy[];
  const cell = (cells: Cell[], typeKey: string, priority: string) =>
    cells.find((c) => c.typeKey === typeKey && c.priority === priority && c.customerGrade === null);

  it('ships the seed figures: complaints 2 h / 24 h / 48 h with the ladder, field service 30 min + 90, consultations', async () => {
    const items = await policies(agent);
    const find = (typeKey: string, metric: string, priority: string | null = null) =>
      items.find((p) => p.typeKey === typeKey && p.metric === metric && p.priority === priority);
    expect(find('complaint', 'first_response')).toMatchObject({ targetMinutes: 120, timeBasis: 'calendar' });
    expect(find('complaint', 'first_response', 'high')).toMatchObject({ targetMinutes: 1440 });
    expect(find('complaint', 'first_response', 'urgent')).toMatchObject({ targetMinutes: 1440 });
    const ladders = (await agent.get('/api/v1/sla/ladders')).json().items as Ladder[];
    expect(ladders).toHaveLength(1);
    const [ladder] = ladders;
    expect(ladder?.isBuiltin).toBe(true);
    expect(ladder?.levels.map((l) => l.limitMinutes)).toEqual([30, 60, 30, 60, 180]);
    expect(find('complaint', 'resolution')).toMatchObject({ targetMinutes: 2880, ladderId: ladder?.id });
    expect(find('complaint', 'promised_reply')).toMatchObject({ ladderId: ladder?.id });
    expect(find('service', 'first_response')).toMatchObject({ targetMinutes: 30, followUpMinutes: 90 });
    expect(find('consultation', 'first_response')).toMatchObject({ targetMinutes: 240, timeBasis: 'business' });
    // Two working days of cn-workdays (09:00–18:00): 2 × 9 h.
    expect(find('consultation', 'resolution')).toMatchObject({ targetMinutes: 1080, timeBasis: 'business' });
    // Refunds (seed 002): back within 2–3 days, never beyond 15 working days, i.e. 3 weeks in all.
    expect(find('refund', 'resolution')).toMatchObject({
      targetMinutes: 3 * 24 * 60,
      timeBasis: 'calendar',
      followUpMinutes: 18 * 24 * 60,
    });
    // Names in the reader's language.
    const en = (await admin.get('/api/v1/sla/policies', { 'accept-language': 'en' })).json().items as Policy[];
    expect(en.every((p) => p.name === p.nameEn)).toBe(true);

    const settings = (await agent.get('/api/v1/sla/settings')).json();
    expect(settings).toMatchObject({ weights: { first_response: 30, resolution: 40, promised_reply: 30 }, version: 1 });
    expect(settings.pauseOn).toEqual(['waiting_customer', 'waiting_third_party', 'feedback']);
  });

  it('resolves the matrix to the most specific policy', async () => {
    let cells = (await agent.get('/api/v1/sla/policies/matrix')).json().cells as Cell[];
    expect(cell(cells, 'complaint', 'low')?.policies.first_response?.targetMinutes).toBe(120);
    expect(cell(cells, 'complaint', 'normal')?.policies.first_response?.targetMinutes).toBe(120);
    expect(cell(cells, 'complaint', 'urgent')?.policies.first_response?.targetMinutes).toBe(1440);
    expect(cell(cells, 'suggestion', 'normal')?.policies.first_response).toBeNull();

    // A type-wide rule, then one for a type × priority: each cell takes the most specific.
    const wide = await admin.post('/api/v1/sla/policies', {
      nameZh: '建议首次答复',
      nameEn: 'Suggestion first response',
      metric: 'first_response',
      typeKey: 'suggestion',
      targetMinutes: 600,
    });
    expect(wide.statusCode, wide.body).toBe(201);
    const narrow = await admin.post('/api/v1/sla/policies', {
      nameZh: '紧急建议首次答复',
      nameEn: 'Urgent suggestion first response',
      metric: 'first_response',
      typeKey: 'suggestion',
      priority: 'urgent',
      targetMinutes: 60,
      timeBasis: 'calendar',
      warnPercents: [50, 80],
    });
    expect(narrow.statusCode, narrow.body).toBe(201);
    const graded = await admin.post('/api/v1/sla/policies', {
      nameZh: 'A 类客户紧急建议',
      nameEn: 'Grade A urgent suggestion',
      metric: 'first_response',
      typeKey: 'suggestion',
      priority: 'urgent',
      customerGrade: 'A',
      targetMinutes: 30,
    });
    expect(graded.statusCode, graded.body).toBe(201);
    const matrix = (await agent.get('/api/v1/sla/policies/matrix')).json();
    expect(matrix.grades).toEqual(['A', 'B', 'C', 'D']);
    cells = matrix.cells;
    const at = (priority: string, grade: string) =>
      cells.find((c) => c.typeKey === 'suggestion' && c.priority === priority && c.customerGrade === grade)?.policies
        .first_response?.targetMinutes;
    expect(at('normal', 'A')).toBe(600);
    expect(at('urgent', 'B')).toBe(60);
    expect(at('urgent', 'A')).toBe(30);
    for (const id of [wide.json().id, narrow.json().id, graded.json().id])
      expect((await admin.delete(`/api/v1/sla/policies/${id}`)).statusCode).toBe(204);
  });

  it('edits a policy with optimistic locking, audits every write, and refuses agents', async () => {
    const base = (await policies()).find((p) => p.typeKey === 'consultation' && p.metric === 'first_response');
    if (!base) throw new Error('seeded policy missing');
    const changed = await admin.patch(`/api/v1/sla/policies/${base.id}`, { version: base.version, targetMinutes: 180 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ targetMinutes: 180, version: base.version + 1 });
    const stale = await admin.patch(`/api/v1/sla/policies/${base.id}`, { version: base.version, targetMinutes: 200 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');

    const audit = (await admin.get(`/api/v1/audit?entityType=sla_policy&entityId=${base.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['sla_policy.updated']);

    expect(
      (await agent.post('/api/v1/sla/policies', { nameZh: 'x', nameEn: 'x', metric: 'resolution', targetMinutes: 5 }))
        .statusCode,
    ).toBe(403);
    expect((await agent.patch(`/api/v1/sla/policies/${base.id}`, { version: 2, targetMinutes: 5 })).statusCode).toBe(
      403,
    );
    expect((await agent.delete(`/api/v1/sla/policies/${base.id}`)).statusCode).toBe(403);
    expect((await agent.post('/api/v1/sla/ladders', { nameZh: 'x', nameEn: 'x', levels: [level(5)] })).statusCode).toBe(
      403,
    );
    expect(
      (await agent.inject('PUT', '/api/v1/sla/settings', { pauseOn: [], weights: { resolution: 100 }, version: 1 }))
        .statusCode,
    ).toBe(403);

    const missing = await admin.patch('/api/v1/sla/policies/00000000-0000-4000-8000-000000000000', { version: 1 });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('sla.policy_not_found');
  });

  it('refuses invalid policies with localized 400s', async () => {
    const valid = { nameZh: '测试', nameEn: 'Test', metric: 'resolution', targetMinutes: 60 };
    const refused = async (body: Record<string, unknown>, code: string) => {
      const response = await admin.post('/api/v1/sla/policies', { ...valid, ...body }, { 'accept-language': 'en' });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe(code);
      expect(response.json().detail).not.toContain('sla.');
      return response.json();
    };
    expect((await refused({ typeKey: 'warranty_claim' }, 'sla.unknown_ticket_type')).detail).toContain(
      'warranty_claim',
    );
    await refused({ calendarId: 'nowhere' }, 'sla.unknown_calendar');
    await refused({ ladderId: '00000000-0000-4000-8000-000000000000' }, 'sla.unknown_ladder');
    await refused({ departmentId: '00000000-0000-4000-8000-000000000000' }, 'sla.unknown_department');
    await refused({ metric: 'team_handling' }, 'sla.department_required');
    await refused({ warnPercents: [75, 50] }, 'sla.invalid_warn_percents');
    await refused({ warnPercents: [50, 50] }, 'sla.invalid_warn_percents');
    await refused({ warnPercents: [0, 50] }, 'sla.invalid_warn_percents');
    await refused({ warnPercents: [50, 100] }, 'sla.invalid_warn_percents');
    await refused({ metric: 'lunch' }, 'validation_failed');
    await refused({ priority: 'whenever' }, 'validation_failed');
    await refused({ customerGrade: 'Z' }, 'validation_failed');
    await refused({ targetMinutes: 0 }, 'validation_failed');
    await refused({ targetMinutes: 60 * 24 * 365 + 1 }, 'validation_failed');
    await refused({ followUpMinutes: 0 }, 'validation_failed');

    const team = await admin.post('/api/v1/sla/policies', { ...valid, metric: 'team_handling', departmentId });
    expect(team.statusCode, team.body).toBe(201);
    expect((await admin.delete(`/api/v1/sla/policies/${team.json().id}?version=9`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/sla/policies/${team.json().id}?version=1`)).statusCode).toBe(204);
  });

  it('manages ladders: validated recipients, built-in kept, one in use not deleted', async () => {
    const bad = await admin.post('/api/v1/sla/ladders', {
      nameZh: '测试梯队',
      nameEn: 'Test ladder',
      levels: [level(30, [{ kind: 'role', role: 'astronaut' }])],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('sla.unknown_role');
    const nobody = await admin.post('/api/v1/sla/ladders', {
      nameZh: '测试梯队',
      nameEn: 'Test ladder',
      levels: [level(30, [{ kind: 'user', userId: '00000000-0000-4000-8000-000000000000' }])],
    });
    expect(nobody.json().code).toBe('sla.unknown_user');
    const tooMany = await admin.post('/api/v1/sla/ladders', {
      nameZh: '测试梯队',
      nameEn: 'Test ladder',
      levels: Array.from({ length: 11 }, () => level(10)),
    });
    expect(tooMany.json().code).toBe('validation_failed');
    expect((await admin.post('/api/v1/sla/ladders', { nameZh: 'x', nameEn: 'x', levels: [level(0)] })).statusCode).toBe(
      400,
    );

    const created = await admin.post('/api/v1/sla/ladders', {
      nameZh: '测试梯队',
      nameEn: 'Test ladder',
      levels: [
        level(30, [
          { kind: 'role', role: 'supervisor' },
          { kind: 'superior_chain', depth: 1 },
        ]),
        level(60),
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const ladder = created.json() as Ladder;
    const policy = await admin.post('/api/v1/sla/policies', {
      nameZh: '其他类解决',
      nameEn: 'Other resolved',
      metric: 'resolution',
      typeKey: 'other',
      targetMinutes: 600,
      ladderId: ladder.id,
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const inUse = await admin.delete(`/api/v1/sla/ladders/${ladder.id}`, { 'accept-language': 'zh-CN' });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'sla.ladder_in_use', params: { count: 1 } });
    expect(inUse.json().detail).toContain('1');

    const renamed = await admin.patch(`/api/v1/sla/ladders/${ladder.id}`, { version: 1, nameEn: 'Renamed ladder' });
    expect(renamed.json()).toMatchObject({ nameEn: 'Renamed ladder', version: 2 });
    expect((await admin.patch(`/api/v1/sla/ladders/${ladder.id}`, { version: 1, nameEn: 'Again' })).statusCode).toBe(
      409,
    );
    expect((await admin.delete(`/api/v1/sla/policies/${policy.json().id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/sla/ladders/${ladder.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/sla/ladders/${ladder.id}`)).json().code).toBe('sla.ladder_not_found');

    const builtin = ((await admin.get('/api/v1/sla/ladders')).json().items as Ladder[]).find((l) => l.isBuiltin);
    if (!builtin) throw new Error('built-in ladder missing');
    const edited = await admin.patch(`/api/v1/sla/ladders/${builtin.id}`, {
      version: builtin.version,
      levels: [level(20), level(40, [{ kind: 'general_manager' }])],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const refused = await admin.delete(`/api/v1/sla/ladders/${builtin.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('sla.ladder_builtin');
    const audit = (await admin.get(`/api/v1/audit?entityType=sla_ladder&entityId=${ladder.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual([
      'sla_ladder.created',
      'sla_ladder.deleted',
      'sla_ladder.updated',
    ]);
  });

  it('changes the settings: weights summing to 100, version checked, audited', async () => {
    const put = (body: Record<string, unknown>) =>
      admin.inject('PUT', '/api/v1/sla/settings', body, { 'accept-language': 'en' });
    const wrong = await put({
      pauseOn: ['waiting_customer'],
      weights: { first_response: 50, resolution: 40 },
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'sla.invalid_weights', params: { sum: 90 } });
    expect(wrong.json().detail).toContain('90');
    const unknown = await put({ pauseOn: [], weights: { lunch: 100 }, version: 1 });
    expect(unknown.statusCode).toBe(400);
    const saved = await put({
      pauseOn: ['waiting_customer'],
      weights: { first_response: 20, resolution: 50, next_reply: 30 },
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      pauseOn: ['waiting_customer'],
      weights: { first_response: 20, resolution: 50, next_reply: 30 },
      version: 2,
    });
    expect((await put({ pauseOn: [], weights: { resolution: 100 }, version: 1 })).statusCode).toBe(409);
    const audit = (await admin.get('/api/v1/audit?entityType=sla_settings')).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['sla_settings.updated']);
  });
});

describe('SLA administration asks for the clocks to be recomputed', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 5 } } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const sent = async (where: string, value: string) => {
    const result = await t.database.executeSql(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sla.recompute' AND data->>'${where}' = $1`,
      [value],
    );
    return Number((result.rows[0] as { n: number }).n);
  };

  it('sends sla.recompute with the first seeding, a policy change and a change of what pauses', async () => {
    const items = (await admin.get('/api/v1/sla/policies')).json().items as Policy[];
    expect(await sent('all', 'true')).toBe(1);
    const policy = items[0];
    if (!policy) throw new Error('no policy');
    const changed = await admin.patch(`/api/v1/sla/policies/${policy.id}`, {
      version: policy.version,
      isActive: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await sent('policyId', policy.id)).toBe(1);

    const settings = (await admin.get('/api/v1/sla/settings')).json();
    const weightsOnly = await admin.inject('PUT', '/api/v1/sla/settings', {
      ...settings,
      weights: { resolution: 100 },
    });
    expect(weightsOnly.statusCode, weightsOnly.body).toBe(200);
    expect(await sent('all', 'true')).toBe(1);
    const pauses = await admin.inject('PUT', '/api/v1/sla/settings', {
      pauseOn: ['feedback'],
      weights: { resolution: 100 },
      version: weightsOnly.json().version,
    });
    expect(pauses.statusCode, pauses.body).toBe(200);
    expect(await sent('all', 'true')).toBe(2);
  });
});

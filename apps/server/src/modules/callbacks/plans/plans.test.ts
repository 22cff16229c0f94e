import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../../db/seed/factories.js';

describe('callbacks: plans API', () => {
  let t: TestApp;
  let admin: Session;
  let specialist: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database.db, { username: 'sunli', roleKey: 'callback_specialist' });
    admin = await t.signIn('admin');
    specialist = await t.signIn('sunli');
  });
  afterAll(async () => t?.close());

  it('ships the studio, ticket-closed and field-visit templates', async () => {
    const r = await admin.get('/api/v1/callback-plans');
    expect(r.statusCode, r.body).toBe(200);
    type Plan = { templateKey: string; trigger: string; steps: Record<string, unknown>[] };
    const plans = r.json().items as Plan[];
    const byKey = (key: string) => plans.find((p) => p.templateKey === key) as Plan;
    expect(plans.map((p) => [p.templateKey, p.trigger]).sort()).toEqual([
      ['field_visit', 'field_visit'],
      ['studio', 'milestone'],
      ['ticket_closed', 'ticket_closed'],
    ]);
    const studio = byKey('studio').steps.map((s) => [
      s.milestoneTypeKey,
      s.offsetDays,
      s.dayKind,
      s.channel,
      s.altChannel,
    ]);
    expect(studio).toEqual([
      ['booking', 1, 'calendar', 'call', null],
      ['shoot', 1, 'calendar', 'call', null],
      ['sample_viewing', 10, 'calendar', 'call', null],
      ['pickup', 5, 'calendar', 'call', null],
      ['wedding_day', 0, 'calendar', 'call', 'sms'],
    ]);
    expect(byKey('field_visit').steps.map((s) => [s.offsetDays, s.dayKind, s.channel])).toEqual([
      [2, 'working', 'call'],
    ]);
  });

  it('creates, edits (steps by position) and deactivates a plan; callbacks.manage only', async () => {
    expect((await specialist.get('/api/v1/callback-plans')).statusCode).toBe(403);
    const body = {
      name: '安装回访',
      trigger: 'milestone',
      milestoneTypeKey: 'installation',
      steps: [
        { offsetDays: 1, dayKind: 'working', purpose: '确认安装效果', script: '您好，设备安装后运行正常吗？' },
        { offsetDays: 30, purpose: '使用一个月回访', channel: 'wechat' },
      ],
    };
    const created = await admin.post('/api/v1/callback-plans', body);
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ name: '安装回访', version: 1, pendingCount: 0 });
    const firstStep = plan.steps[0].id;
    const edited = await admin.patch(`/api/v1/callback-plans/${plan.id}`, {
      version: 1,
      steps: [{ offsetDays: 2, dayKind: 'working', purpose: '确认安装效果' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().steps.map((s: { id: string; offsetDays: number }) => [s.id, s.offsetDays])).toEqual([
      [firstStep, 2],
    ]);
    expect((await admin.patch(`/api/v1/callback-plans/${plan.id}`, { version: 1, name: 'x' })).statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/callback-plans/${plan.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/callback-plans/${plan.id}`)).json().isActive).toBe(false);
    const list = (await admin.get('/api/v1/callback-plans')).json().items as { id: string }[];
    expect(list.some((p) => p.id === plan.id)).toBe(false);
  });

  it('refuses a milestone plan step without a milestone type, and an unknown plan', async () => {
    const r = await admin.post('/api/v1/callback-plans', {
      name: '不完整',
      trigger: 'milestone',
      steps: [{ offsetDays: 1, purpose: '回访' }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('callbacks.plan_invalid');
    const missing = await admin.get('/api/v1/callback-plans/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('callbacks.plan_not_found');
    const campaign = await admin.post('/api/v1/callback-campaigns', { name: '空', filter: {} });
    expect(campaign.statusCode).toBe(400);
    expect(campaign.json().code).toBe('callbacks.campaign_plan_missing');
  });

  it('refuses a plan naming a department, ticket type or milestone type that does not exist, and writes nothing', async () => {
    const before = (await admin.get('/api/v1/callback-plans')).json().items.length;
    const unknown = [
      [{ departmentId: '00000000-0000-4000-8000-000000000000' }, 'departmentId', 'departments.not_found'],
      [{ trigger: 'ticket_closed', ticketTypeKeys: ['no_such_type'] }, 'ticketTypeKeys.0', 'callbacks.plan_invalid'],
      [{ trigger: 'milestone', milestoneTypeKey: 'no_such_day' }, 'milestoneTypeKey', 'callbacks.plan_invalid'],
    ] as const;
    for (const [extra, path, code] of unknown) {
      const r = await admin.post('/api/v1/callback-plans', {
        name: '引用不存在',
        trigger: 'campaign',
        steps: [{ offsetDays: 1, purpose: '回访' }],
        ...extra,
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().code).toBe(code);
      expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect((await admin.get('/api/v1/callback-plans')).json().items.length).toBe(before);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../../test/helpers.js';
import { answerOnBehalf } from '../index.js';
import { createSurvey, invite, publicCall, type SurveyFixture, surveyFixture } from '../surveys.test-setup.js';
import { expireInvitations, inviteClosedTicket, remindInvitation } from './sending.jobs.js';

/** Issue 15: sending rules (after close, through the notification layer), reminder, expiry, answers on behalf. */
describe('survey sending', () => {
  let f: SurveyFixture;

  beforeAll(async () => {
    f = await surveyFixture({ jobs: { enabled: true, pollingIntervalSeconds: 0.5 } });
    // The built-in plans call the customer after a closed ticket; the survey would then yield to that
    // callback (the per-customer cap, tested below), so they are switched off here.
    const plans = (await f.admin.get('/api/v1/callback-plans')).json().items as {
      id: string;
      trigger: string;
      version: number;
    }[];
    for (const plan of plans.filter((p) => p.trigger === 'ticket_closed' || p.trigger === 'field_visit')) {
      const r = await f.admin.patch(`/api/v1/callback-plans/${plan.id}`, { isActive: false, version: plan.version });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(async () => f.t.close());

  async function step(s: Session, id: string, body: Record<string, unknown>) {
    const current = (await s.get(`/api/v1/tickets/${id}`)).json();
    const r = await s.post(`/api/v1/tickets/${id}/transitions`, { version: current.version, ...body });
    expect(r.statusCode, r.body).toBe(200);
  }

  it('invites the customer of a closed ticket by SMS after the delay, with the agent to rate, once', async () => {
    const s = await createSurvey(f.admin, {
      name: '工单回访',
      trigger: 'ticket_closed',
      delayAfterCloseMinutes: 0,
      reminderAfterDays: 3,
    });
    const created = await f.agentA.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '咨询保修',
      description: '客户询问保修期。',
      customerId: f.customerA,
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticketId = created.json().id;
    await step(f.agentA, ticketId, { action: 'resolve', process: '查询购买记录', result: '保修两年' });
    await step(f.agentA, ticketId, { action: 'close' });
    const db = f.t.database.db;
    const invitation = await vi.waitFor(
      async () => {
        const r = await db.execute<{ id: string; status: string; channel: string; staff: Record<string, unknown> }>(
          sql`SELECT id, status, channel, staff FROM survey_invitations WHERE survey_id = ${s.id} AND ticket_id = ${ticketId}`,
        );
        expect(r.rows).toHaveLength(1);
        return r.rows[0] as { id: string; status: string; channel: string; staff: Record<string, unknown> };
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(invitation).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(invitation.staff).toHaveProperty('agent');
    const sms = await db.execute<{ recipient: string; body: string }>(
      sql`SELECT recipient, body FROM notifications WHERE topic = 'survey.invitation' AND ref LIKE ${`%${invitation.id}`}`,
    );
    expect(sms.rows).toHaveLength(1);
    expect(sms.rows[0]?.recipient).toBe('13812345678');
    const reminder = await f.t.database.executeSql(
      `SELECT start_after FROM pgboss.job WHERE name = 'surveys.remind' AND data->>'invitationId' = $1`,
      [invitation.id],
    );
    expect(reminder.rows).toHaveLength(1);
    const after = new Date(String((reminder.rows[0] as { start_after: string }).start_after)).getTime();
    expect(after).toBeGreaterThan(Date.now() + 2 * 86_400_000);
  });

  it('keeps the per-customer cap: no survey within 7 days of another survey or of a callback', async () => {
    // Sent a day after the close: the test runs the job itself.
    const s = await createSurvey(f.admin, { name: '上限测试', trigger: 'ticket_closed', delayAfterCloseMinutes: 1440 });
    const db = f.t.database.db;
    const deps = f.t.app.deps;
    const customer = async (name: string, phone: string) => {
      const r = await f.agentA.post('/api/v1/customers', { kind: 'person', name, phone });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const closedTicket = async (customerId: string) => {
      const r = await f.agentA.post('/api/v1/tickets', {
        typeKey: 'consultation',
        channel: 'phone',
        subject: '咨询安装时间',
        description: '客户询问上门安装的时间。',
        customerId,
      });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().id as string;
      await step(f.agentA, id, { action: 'resolve', process: '查询排期', result: '已约周六上午' });
      await step(f.agentA, id, { action: 'close' });
      return id;
    };
    const run = (ticketId: string) =>
      db.transaction((tx) =>
        inviteClosedTicket.handler({ tx, deps, jobId: crypto.randomUUID(), data: { surveyId: s.id, ticketId } }),
      );
    const invited = async (ticketId: string) =>
      (await db.execute(sql`SELECT 1 FROM survey_invitations WHERE ticket_id = ${ticketId}`)).rows.length;

    const often = await customer('钱女士', '13800001111');
    const first = await closedTicket(often);
    await run(first);
    expect(await invited(first)).toBe(1);
    const second = await closedTicket(often);
    await run(second);
    expect(await invited(second)).toBe(0); // a survey 0 days ago

    const called = await customer('孔先生', '13800002222');
    await db.execute(sql`INSERT INTO callbacks (customer_id, source_kind, due_date, scheduled_at)
      VALUES (${called}, 'campaign', (now() + interval '3 days')::date, now() + interval '3 days')`);
    const third = await closedTicket(called);
    await run(third);
    expect(await invited(third)).toBe(0); // a callback due in 3 days

    // With the cap off, both are sent.
    expect((await f.admin.patch('/api/v1/callback-settings', { capDays: 0 })).statusCode).toBe(200);
    await run(second);
    await run(third);
    expect([await invited(second), await invited(third)]).toEqual([1, 1]);
    await f.admin.patch('/api/v1/callback-settings', { capDays: 7 });
  });

  it('reminds once, and expires links past their date', async () => {
    const s = await createSurvey(f.admin, { name: '提醒测试' });
    const r = await f.managerA.post(`/api/v1/surveys/${s.id}/invitations`, { customerId: f.customerA, channel: 'sms' });
    expect(r.statusCode, r.body).toBe(201);
    const { id, token } = r.json();
    const deps = f.t.app.deps;
    const db = f.t.database.db;
    for (let i = 0; i < 2; i += 1) {
      await db.transaction((tx) =>
        remindInvitation.handler({ tx, deps, jobId: crypto.randomUUID(), data: { invitationId: id, token } }),
      );
    }
    const sent = await db.execute<{ body: string }>(
      sql`SELECT body FROM notifications WHERE topic = 'survey.invitation' AND ref LIKE ${`%${id}`} ORDER BY created_at`,
    );
    expect(sent.rows).toHaveLength(2); // the invitation and one reminder
    expect(sent.rows[1]?.body).toContain(token);

    const old = await invite(f.admin, s.id);
    await db.execute(sql`UPDATE survey_invitations SET expires_at = now() - interval '1 hour' WHERE id = ${old.id}`);
    await db.transaction((tx) => expireInvitations.handler({ tx, deps, jobId: crypto.randomUUID(), data: {} }));
    const status = await db.execute<{ status: string }>(
      sql`SELECT status FROM survey_invitations WHERE id = ${old.id}`,
    );
    expect(status.rows[0]?.status).toBe('expired');
  });

  it('lets a callback answer on the customer’s behalf: the open link then reads as answered', async () => {
    const s = await createSurvey(f.admin, { name: '电话回访' });
    const link = await invite(f.managerA, s.id, { customerId: f.customerA });
    const db = f.t.database.db;
    const result = await db.transaction((tx) =>
      answerOnBehalf(
        tx,
        {
          surveyId: s.id,
          customerId: f.customerA,
          answers: [
            { questionId: s.q('nps'), value: 5 },
            { questionId: s.q('csat'), value: 2 },
          ],
          filledBy: f.agentA.userId,
        },
        { timezone: f.t.config.timezone },
      ),
    );
    expect(result).toMatchObject({ lowScore: true, npsScore: 5, csatScore: 2 });
    const row = await db.execute<{ source: string; filled_by: string; invitation_id: string }>(
      sql`SELECT source, filled_by, invitation_id FROM survey_responses WHERE id = ${result.responseId}`,
    );
    expect(row.rows[0]).toEqual({ source: 'on_behalf', filled_by: f.agentA.userId, invitation_id: link.id });
    expect((await publicCall(f.t, 'GET', `/api/public/surveys/${link.token}`)).statusCode).toBe(410);
    await expect(
      db.transaction((tx) =>
        answerOnBehalf(
          tx,
          {
            surveyId: s.id,
            customerId: f.customerA,
            answers: [{ questionId: s.q('nps'), value: 11 }],
            filledBy: f.agentA.userId,
          },
          { timezone: f.t.config.timezone },
        ),
      ),
    ).rejects.toMatchObject({ code: 'surveys.invalid_answers', status: 422 });
  });
});

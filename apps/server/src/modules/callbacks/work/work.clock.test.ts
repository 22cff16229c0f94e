import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbacks } from '../../../db/schema/index.js';
import type { StoredEvent } from '../../../events/listener.js';
import { recordEvent } from '../../../events/outbox.js';
import { loadRules } from '../plans/generate.js';
import { deadlineDate, endOfLocalDay } from '../plans/schedule.js';
import { LOW_SCORE_DEADLINE_WORKING_DAYS, workListeners } from './work.listeners.js';
import { seedCallbackWorkDemo } from './work.seed.js';
import { type CallbackWorld, callbackWorld } from './work.test-setup.js';

describe('callbacks/work: the deadline clock and the low-score follow-up', () => {
  let w: CallbackWorld;
  beforeAll(async () => {
    w = await callbackWorld({ timezone: 'Asia/Shanghai' });
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('counts working days on the business calendar: holidays skipped, 调休 make-up days counted', async () => {
    const { calendar } = await loadRules(w.t.database.db, w.t.app.deps);
    const deadline = (due: string, days: number) =>
      endOfLocalDay(deadlineDate(calendar, due, days), 'Asia/Shanghai').toISOString();
    // Due Wed 30 Sep 2026 (day 1); 1–7 Oct National Day off; Thu 8, Fri 9 → end of Fri 9 Oct.
    expect(deadline('2026-09-30', 3)).toBe('2026-10-09T16:00:00.000Z');
    // Due Fri 9 Oct (day 1); Sat 10 Oct is a make-up working day (day 2); Sun 11 off; Mon 12 (day 3).
    expect(deadline('2026-10-09', 3)).toBe('2026-10-12T16:00:00.000Z');
    // A plain week: Mon 2 Mar → end of Wed 4 Mar.
    expect(deadline('2026-03-02', 3)).toBe('2026-03-04T16:00:00.000Z');
    // The low-score follow-up (1 working day) due on a holiday: the next working day, 8 Oct.
    expect(deadline('2026-10-01', LOW_SCORE_DEADLINE_WORKING_DAYS)).toBe('2026-10-08T16:00:00.000Z');
  });

  it('makes one follow-up callback per low score, however often the event is delivered', async () => {
    const db = w.t.database.db;
    const customerId = await w.customer('赵敏');
    const responseId = crypto.randomUUID();
    const payload = {
      responseId,
      surveyId: crypto.randomUUID(),
      customerId,
      ticketId: null,
      lowScore: true,
      npsScore: 3,
      csatScore: null,
    };
    const event = await db.transaction((tx) => recordEvent(tx, 'survey.answered', payload));
    const deliver = (e: StoredEvent) =>
      db.transaction((tx) =>
        (workListeners[0] as (typeof workListeners)[0]).handle({ tx, event: e, deps: w.t.app.deps }),
      );
    await w.t.app.deps.outbox.drain();
    await deliver(event);
    await deliver(event);
    // Not low, or anonymous: nothing.
    await deliver({ ...event, payload: { ...payload, responseId: crypto.randomUUID(), lowScore: false } });
    await deliver({ ...event, payload: { ...payload, responseId: crypto.randomUUID(), customerId: null } });
    const rows = await db.select().from(callbacks).where(eq(callbacks.customerId, customerId));
    expect(rows).toHaveLength(1);
    const row = rows[0] as (typeof rows)[number];
    expect(row).toMatchObject({ sourceKind: 'low_score', sourceId: responseId, status: 'pending', dueDate: w.today });
    expect([w.ids.specA, w.ids.specB]).toContain(row.assigneeId);
    const { calendar } = await loadRules(db, w.t.app.deps);
    expect(row.deadlineAt?.toISOString()).toBe(
      endOfLocalDay(deadlineDate(calendar, w.today, LOW_SCORE_DEADLINE_WORKING_DAYS), 'Asia/Shanghai').toISOString(),
    );
    const owner = row.assigneeId === w.ids.specA ? w.specA : w.specB;
    const detail = (await owner.get(`/api/v1/callbacks/${row.id}`)).json();
    expect(detail).toMatchObject({ sourceKind: 'low_score', sourceLabel: '低分跟进' });
    expect(detail.purpose).toBeTruthy();
    expect(detail.script).toContain('满意度调查');
  });

  it('demo: works the past-due pending callbacks (outcomes, every fifth unreached and written up), once', async () => {
    const db = w.t.database.db;
    const customerId = await w.customer('演示客户');
    const ids: string[] = [];
    for (const day of ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'])
      ids.push(await w.callback({ customerId, dueDate: day, scheduledAt: new Date(`${day}T09:00:00+08:00`) }));
    await seedCallbackWorkDemo(db, '2026-02-01');
    await seedCallbackWorkDemo(db, '2026-02-01');
    const rows = await db.select().from(callbacks).where(eq(callbacks.customerId, customerId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)?.status)).toEqual(['done', 'done', 'done', 'done', 'unreached']);
    expect(byId.get(ids[0] as string)).toMatchObject({ attempts: 1, reached: true, satisfaction: 5 });
    expect(byId.get(ids[4] as string)?.writeUp).toBeTruthy();
  });
});

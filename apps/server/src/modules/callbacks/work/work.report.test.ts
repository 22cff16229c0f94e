import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackPlans } from '../../../db/schema/index.js';
import { type CallbackWorld, callbackWorld } from './work.test-setup.js';

/**
 * Hand-computed fixture (docs/callbacks.md, "Report"), period 2026-03-01 … 2026-03-31, all given to
 * specialist A; customers owned by the supervisor's team:
 * - P: cb1 due 03-02 done 03-03 (deadline end of 03-04: on time); cb2 due 03-10 pending.
 * - Q: cb3 due 03-05 done 03-12 (deadline end of 03-09: late).
 * - R: cb4 due 03-15 unreached (written up); cb5 due 03-20 cancelled.
 * - S: cb6 due 03-25 pending.
 * - V: cb10 due 03-28 done 03-28, no deadline (on time).
 * - T: done callbacks due 02-27 and 04-01 (outside the period). U: only a cancelled one (03-18).
 * customers due = P, Q, R, S, V = 5; covered = P, Q, V = 3 → coverage 3/5 = 0.6.
 * completed = cb1, cb3, cb10 = 3; on time = cb1, cb10 = 2 → on-time rate 2/3.
 * unreached = [cb4].
 * Per specialist: cb10 is specialist B's, the rest A's → A: due P Q R S = 4, covered P Q = 2 (0.5),
 * completed 2, on time 1 (0.5), unreached 1; B: due 1, covered 1 (1), completed 1, on time 1 (1).
 * Per plan: cb1–cb3 belong to plan 拍摄回访 → due P Q = 2, covered 2 (1), completed 2, on time 1
 * (0.5); no plan: due R S V = 3, covered V = 1 (1/3), completed 1, on time 1, unreached 1.
 */
describe('callbacks/work: GET /api/v1/callbacks/report', () => {
  let w: CallbackWorld;
  let cb4: string;
  let planId: string;
  const sh = (s: string) => new Date(`${s}+08:00`);
  const end = (date: string) => sh(`${date}T23:59:59.999`);

  beforeAll(async () => {
    w = await callbackWorld({ timezone: 'Asia/Shanghai' });
    const [P, Q, R, S, V, T, U] = [
      await w.customer('客户P'),
      await w.customer('客户Q'),
      await w.customer('客户R'),
      await w.customer('客户S'),
      await w.customer('客户V'),
      await w.customer('客户T'),
      await w.customer('客户U'),
    ];
    const [plan] = await w.t.database.db
      .insert(callbackPlans)
      .values({ name: '拍摄回访', trigger: 'milestone' })
      .returning({ id: callbackPlans.id });
    planId = plan?.id as string;
    const at = (date: string) => ({ dueDate: date, scheduledAt: sh(`${date}T09:00:00`) });
    const done = (date: string, completed: string, deadline: string | null) => ({
      ...at(date),
      status: 'done' as const,
      reached: true,
      satisfaction: 4,
      completedAt: sh(`${completed}T15:00:00`),
      deadlineAt: deadline ? end(deadline) : null,
    });
    await w.callback({ customerId: P, planId, ...done('2026-03-02', '2026-03-03', '2026-03-04') });
    await w.callback({ customerId: P, planId, ...at('2026-03-10'), deadlineAt: end('2026-03-12') });
    await w.callback({ customerId: Q, planId, ...done('2026-03-05', '2026-03-12', '2026-03-09') });
    cb4 = await w.callback({
      customerId: R,
      ...at('2026-03-15'),
      status: 'unreached',
      attempts: 3,
      writeUp: '三次未接',
    });
    await w.callback({ customerId: R, ...at('2026-03-20'), status: 'cancelled' });
    await w.callback({ customerId: S, ...at('2026-03-25'), deadlineAt: end('2026-03-27') });
    await w.callback({ customerId: V, ...done('2026-03-28', '2026-03-28', null), assigneeId: w.ids.specB });
    await w.callback({ customerId: T, ...done('2026-02-27', '2026-02-27', '2026-03-03') });
    await w.callback({ customerId: T, ...done('2026-04-01', '2026-04-01', '2026-04-03') });
    await w.callback({ customerId: U, ...at('2026-03-18'), status: 'cancelled' });
  });
  afterAll(async () => {
    await w?.t.close();
  });

  const url = '/api/v1/callbacks/report?from=2026-03-01&to=2026-03-31';

  it('equals the hand-computed fixture for a manager', async () => {
    const r = await w.sup.get(url);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      customersDue: 5,
      customersCovered: 3,
      coverage: 0.6,
      completed: 3,
      completedOnTime: 2,
      unreached: [{ id: cb4, customer: { name: '客户R' }, attempts: 3, writeUp: '三次未接' }],
    });
    expect(r.json().onTimeRate).toBeCloseTo(2 / 3, 10);
    const figures = (due: number, covered: number, completed: number, onTime: number, unreached: number) => ({
      customersDue: due,
      customersCovered: covered,
      coverage: covered / due,
      completed,
      completedOnTime: onTime,
      onTimeRate: onTime / completed,
      unreachedCount: unreached,
    });
    expect(r.json().bySpecialist).toEqual([
      { assignee: { id: w.ids.specB, displayName: '李回访' }, ...figures(1, 1, 1, 1, 0) },
      { assignee: { id: w.ids.specA, displayName: '王回访' }, ...figures(4, 2, 2, 1, 1) },
    ]);
    expect(r.json().byPlan).toEqual([
      { plan: { id: planId, name: '拍摄回访' }, ...figures(2, 2, 2, 1, 0) },
      { plan: null, ...figures(3, 1, 1, 1, 1) },
    ]);
    expect((await w.admin.get(url)).json()).toMatchObject({ customersDue: 5, completed: 3 });
  });

  it('is counted in the reader’s scope and refused without the permissions', async () => {
    // Specialist B (surveys.report, own scope): only V's callback is theirs.
    const b = await w.specB.get(url);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ customersDue: 1, coverage: 1, completed: 1, onTimeRate: 1, unreached: [] });
    expect(b.json().bySpecialist.map((r: { assignee: { id: string } }) => r.assignee.id)).toEqual([w.ids.specB]);
    const sales = await w.t.signIn('sales');
    expect((await sales.get(url)).statusCode).toBe(403);
    expect((await w.sup.get('/api/v1/callbacks/report?from=2026-03-31&to=2026-03-01')).statusCode).toBe(400);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, callbacks } from '../../../db/schema/index.js';
import { addDays } from '../../../lib/calendar-day.js';
import { type CallbackWorld, callbackWorld } from '../work/work.test-setup.js';

/** The local HH:MM of an instant in the world's business time zone. */
const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('callbacks/settings: the scheduling rules and a customer’s own rest hours', () => {
  let w: CallbackWorld;
  let zone: string;

  beforeAll(async () => {
    w = await callbackWorld();
    zone = w.t.config.timezone;
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('shows the rules to those who work callbacks and lets those who manage them change them, audited', async () => {
    const read = await w.specA.get('/api/v1/callback-settings');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      quietWindows: [
        { start: '12:00', end: '14:00' },
        { start: '21:00', end: '09:00' },
      ],
      capDays: 7,
      retriesPerDay: 2,
      retryGapMinutes: 60,
      deadlineWorkingDays: 3,
      updatedAt: null,
    });
    expect((await w.specA.patch('/api/v1/callback-settings', { retriesPerDay: 3 })).statusCode).toBe(403);

    // Windows leaving less than an hour of the day are refused, and nothing changes.
    const tooWide = await w.sup.patch('/api/v1/callback-settings', {
      quietWindows: [{ start: '09:30', end: '09:00' }],
      retriesPerDay: 5,
    });
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().code).toBe('callbacks.quiet_windows_too_wide');
    expect(tooWide.json().errors[0].path).toBe('quietWindows');
    expect((await w.specA.get('/api/v1/callback-settings')).json().retriesPerDay).toBe(2);
    const badTime = await w.sup.patch('/api/v1/callback-settings', {
      quietWindows: [{ start: '25:00', end: '09:00' }],
    });
    expect(badTime.statusCode).toBe(400);

    const changed = await w.sup.patch('/api/v1/callback-settings', { retriesPerDay: 1, capDays: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ retriesPerDay: 1, capDays: 5, retryGapMinutes: 60 });
    expect(changed.json().updatedAt).not.toBeNull();
    const [entry] = await w.t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'callback.settings_updated'));
    expect(entry?.after).toMatchObject({ retriesPerDay: 1, capDays: 5 });
    await w.sup.patch('/api/v1/callback-settings', { retriesPerDay: 2, capDays: 7 });
  });

  it('records a customer’s rest hours from the callback: pending callbacks move at once, new ones are placed by them', async () => {
    const customer = await w.customer('周女士');
    const other = await w.customer('吴先生');
    const due = addDays(w.today, 3);
    const cb = await w.callback({ customerId: customer, dueDate: due, scheduledAt: new Date(`${due}T01:00:00Z`) });

    expect(
      (
        await w.specB.put(`/api/v1/callbacks/${cb}/customer-quiet-hours`, {
          quietWindows: [{ start: '00:00', end: '10:30' }],
        })
      ).statusCode,
    ).toBe(404);
    const tooWide = await w.specA.put(`/api/v1/callbacks/${cb}/customer-quiet-hours`, {
      quietWindows: [{ start: '00:00', end: '23:30' }],
    });
    expect(tooWide.statusCode).toBe(400);

    // 周女士 works nights: no calls before 10:30 nor after 20:00 (lunch is fine).
    const own = [
      { start: '00:00', end: '10:30' },
      { start: '20:00', end: '00:00' },
    ];
    const set = await w.specA.put(`/api/v1/callbacks/${cb}/customer-quiet-hours`, { quietWindows: own });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ quietWindows: own, rescheduled: 1 });
    const [moved] = await w.t.database.db.select().from(callbacks).where(eq(callbacks.id, cb));
    expect(localTime(moved?.scheduledAt as Date, zone)).toBe('10:30');
    expect((await w.specA.get(`/api/v1/callbacks/${cb}`)).json().customerQuietWindows).toEqual(own);

    // A campaign places her callback by her hours, everyone else's by the settings (09:00).
    const campaign = await w.sup.post('/api/v1/callback-campaigns', {
      name: '年末回访',
      filter: {},
      startDate: addDays(w.today, 20),
      step: { offsetDays: 0, purpose: '年末满意度回访' },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const made = await w.t.database.db
      .select({ customerId: callbacks.customerId, scheduledAt: callbacks.scheduledAt })
      .from(callbacks)
      .where(eq(callbacks.campaignId, campaign.json().id));
    const at = (id: string) => localTime(made.find((m) => m.customerId === id)?.scheduledAt as Date, zone);
    expect(at(customer)).toBe('10:30');
    expect(at(other)).toBe('09:00');

    // Back to the settings' windows.
    const reset = await w.specA.put(`/api/v1/callbacks/${cb}/customer-quiet-hours`, { quietWindows: null });
    expect(reset.json()).toEqual({ quietWindows: null, rescheduled: 2 });
    const rows = await w.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM callback_customer_preferences WHERE customer_id = ${customer}`,
    );
    expect(rows.rows[0]?.n).toBe(0);
  });
});

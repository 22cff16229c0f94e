import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';

/**
 * The built-in `cn-workdays` calendar (Mon–Fri 09:00–18:00, Asia/Shanghai, the State Council's
 * holidays and 调休 make-up days from the shipped data) through the API, with a session and with
 * an API token.
 */
describe('business calendars: cn-workdays and the due / elapsed calculator', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const due = async (start: string, minutes: number) => {
    const r = await admin.post('/api/v1/business-calendars/cn-workdays/due', { start, minutes });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().due as string;
  };

  it('lists the built-in calendar', async () => {
    const r = await admin.get('/api/v1/business-calendars', { 'accept-language': 'en' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items).toContainEqual(
      expect.objectContaining({ id: 'cn-workdays', timeZone: 'Asia/Shanghai', isBuiltin: true, followsOfficial: true }),
    );
  });

  it('counts within a day and ends on the end of a working period, not the next morning', async () => {
    expect(await due('2026-03-02T09:00:00+08:00', 60)).toBe('2026-03-02T10:00:00+08:00');
    expect(await due('2026-03-02T17:00:00+08:00', 60)).toBe('2026-03-02T18:00:00+08:00');
    expect(await due('2026-03-02T09:00:00Z', 61)).toBe('2026-03-03T09:01:00+08:00'); // 17:00 local
  });

  it('2026 Spring Festival: Saturday 2-14 is a make-up working day, 2-15 … 2-23 are off', async () => {
    expect(await due('2026-02-13T17:00:00+08:00', 120)).toBe('2026-02-14T10:00:00+08:00');
    expect(await due('2026-02-14T17:30:00+08:00', 60)).toBe('2026-02-24T09:30:00+08:00');
    // Saturday 2-28 works too.
    expect(await due('2026-02-27T17:00:00+08:00', 120)).toBe('2026-02-28T10:00:00+08:00');
  });

  it('2025 National Day: a start on the holiday counts from the first working day; Saturday 10-11 works', async () => {
    expect(await due('2025-10-03T10:00:00+08:00', 60)).toBe('2025-10-09T10:00:00+08:00');
    expect(await due('2025-10-10T17:00:00+08:00', 120)).toBe('2025-10-11T10:00:00+08:00');
  });

  it('2024: a make-up Sunday works; fifteen working days span National Day', async () => {
    expect(await due('2024-02-03T12:00:00+08:00', 60)).toBe('2024-02-04T10:00:00+08:00');
    expect(await due('2024-09-23T09:00:00+08:00', 15 * 9 * 60)).toBe('2024-10-16T18:00:00+08:00');
    const r = await admin.post('/api/v1/business-calendars/cn-workdays/elapsed', {
      from: '2024-09-23T09:00:00+08:00',
      to: '2024-10-16T18:00:00+08:00',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ minutes: 15 * 9 * 60 });
  });

  it('2025 Spring Festival: Sunday 1-26 and Saturday 2-8 work; 1-28 … 2-4 are off', async () => {
    expect(await due('2025-01-24T17:00:00+08:00', 120)).toBe('2025-01-26T10:00:00+08:00');
    expect(await due('2025-01-27T17:00:00+08:00', 120)).toBe('2025-02-05T10:00:00+08:00');
    expect(await due('2025-02-07T17:30:00+08:00', 60)).toBe('2025-02-08T09:30:00+08:00');
    // Ten working days across National Day 2025 (10-1 … 10-8 off, Saturday 10-11 works).
    expect(await due('2025-09-29T09:00:00+08:00', 10 * 9 * 60)).toBe('2025-10-17T18:00:00+08:00');
  });

  it('2026 Mid-autumn and National Day: Sunday 9-20 and Saturday 10-10 work; a start on the holiday', async () => {
    expect(await due('2026-09-19T10:00:00+08:00', 60)).toBe('2026-09-20T10:00:00+08:00');
    expect(await due('2026-09-24T17:00:00+08:00', 120)).toBe('2026-09-28T10:00:00+08:00');
    expect(await due('2026-10-03T11:00:00+08:00', 30)).toBe('2026-10-08T09:30:00+08:00');
    expect(await due('2026-10-09T17:00:00+08:00', 120)).toBe('2026-10-10T10:00:00+08:00');
    // Five working days spanning both holidays: 9-24, 9-28, 9-29, 9-30, 10-8.
    expect(await due('2026-09-24T09:00:00+08:00', 5 * 9 * 60)).toBe('2026-10-08T18:00:00+08:00');
  });

  it('next working start: the first period of the next working day (调休 Saturday works, holidays skipped, local date)', async () => {
    const next = async (from: string) => {
      const r = await admin.get(
        `/api/v1/business-calendars/cn-workdays/next-working-start?from=${encodeURIComponent(from)}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { start: string; date: string };
    };
    expect(await next('2026-03-02T20:00:00+08:00')).toEqual({ start: '2026-03-03T09:00:00+08:00', date: '2026-03-03' });
    expect((await next('2026-03-06T08:00:00+08:00')).start).toBe('2026-03-09T09:00:00+08:00'); // Friday → Monday
    // 17:00 UTC is already the next local day (01:00 in Shanghai): Wednesday, not Tuesday.
    expect((await next('2026-03-02T17:00:00Z')).start).toBe('2026-03-04T09:00:00+08:00');
    // 2026 Spring Festival: Friday 2-13 → make-up Saturday 2-14; from it → after the holiday (2-15 … 2-23).
    expect(await next('2026-02-13T10:00:00+08:00')).toEqual({ start: '2026-02-14T09:00:00+08:00', date: '2026-02-14' });
    expect((await next('2026-02-14T17:30:00+08:00')).start).toBe('2026-02-24T09:00:00+08:00');
    // National Day 2026: from the holiday → 10-8; Friday 10-9 → make-up Saturday 10-10.
    expect((await next('2026-10-02T10:00:00+08:00')).start).toBe('2026-10-08T09:00:00+08:00');
    expect((await next('2026-10-09T10:00:00+08:00')).start).toBe('2026-10-10T09:00:00+08:00');
    // Without `from`: from now, a start in the future.
    const now = await admin.get('/api/v1/business-calendars/cn-workdays/next-working-start');
    expect(now.statusCode, now.body).toBe(200);
    expect(Date.parse(now.json().start)).toBeGreaterThan(Date.now());
    expect((await admin.get('/api/v1/business-calendars/nope/next-working-start')).statusCode).toBe(404);
    expect(
      (await admin.get('/api/v1/business-calendars/cn-workdays/next-working-start?from=tomorrow')).statusCode,
    ).toBe(400);
  });

  it('works with an API token; refuses bad input, unknown calendars and the unauthenticated', async () => {
    const token = (await admin.post('/api/v1/auth/tokens', { name: 'sla-integration' })).json().token as string;
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/business-calendars/cn-workdays/due',
      headers: { authorization: `Bearer ${token}` },
      payload: { start: '2026-03-02T09:00:00+08:00', minutes: 30 },
    });
    expect(viaToken.statusCode, viaToken.body).toBe(200);
    expect(viaToken.json()).toEqual({ due: '2026-03-02T09:30:00+08:00' });

    const en = { 'accept-language': 'en' };
    const unknown = await admin.post(
      '/api/v1/business-calendars/nope/due',
      { start: '2026-03-02T09:00:00+08:00', minutes: 1 },
      en,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/calendar/i);
    const far = await admin.post(
      '/api/v1/business-calendars/cn-workdays/due',
      { start: '2099-01-01T09:00:00+08:00', minutes: 1 },
      en,
    );
    expect(far.statusCode).toBe(400);
    expect(far.json().code).toBe('calendars.out_of_range');
    for (const body of [
      { start: '2026-03-02T09:00:00+08:00', minutes: -1 },
      { start: '2026-03-02T09:00:00', minutes: 1 }, // no offset: ambiguous
      { start: 'tomorrow', minutes: 1 },
    ])
      expect((await admin.post('/api/v1/business-calendars/cn-workdays/due', body)).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/business-calendars/cn-workdays/due',
      payload: { start: '2026-03-02T09:00:00+08:00', minutes: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

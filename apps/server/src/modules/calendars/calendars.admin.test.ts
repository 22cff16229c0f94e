import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { auditLog, businessCalendarVersions, outboxEvents } from '../../db/schema/index.js';
import { createUser } from '../../db/seed/factories.js';

/**
 * The calendar editor's API: create a calendar (a lunch break), change its settings and its own
 * days with optimistic versions, the merged year view, the versions; each change is versioned,
 * audited and announced (`calendar.changed`) — and the calculator follows at once.
 */
describe('business calendars: administration', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;

  const NINE_TO_SIX = [[540, 1080]];
  const LUNCH = [
    [510, 720],
    [810, 1050],
  ];
  const week = (day: number[][]) => [[], day, day, day, day, day, []];
  const put = (s: Session, url: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    s.inject('PUT', url, body, headers);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const user = await createUser(t.database.db, { roleKey: 'agent' });
    agent = await t.signIn(user.username);
  });
  afterAll(async () => t?.close());

  const due = async (calendar: string, start: string, minutes: number) => {
    const r = await admin.post(`/api/v1/business-calendars/${calendar}/due`, { start, minutes });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().due as string;
  };

  const changedEvents = (calendarId: string) =>
    t.database.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.name, 'calendar.changed'), eq(outboxEvents.aggregateId, calendarId)))
      .orderBy(desc(outboxEvents.id));

  it('creates a calendar with a lunch break; the due route counts across the break', async () => {
    const r = await admin.post('/api/v1/business-calendars', {
      id: 'back-office',
      nameZh: '后台（午休）',
      nameEn: 'Back office (lunch break)',
      timeZone: 'Asia/Shanghai',
      weekly: week(LUNCH),
      workday: LUNCH,
      followsOfficial: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ id: 'back-office', version: 1, isBuiltin: false, weekly: week(LUNCH), days: [] });
    // Monday 11:30 + 60 min: 30 min before lunch, 30 after it (lunch 12:00–13:30).
    expect(await due('back-office', '2026-03-02T11:30:00+08:00', 60)).toBe('2026-03-02T14:00:00+08:00');
    expect(await due('back-office', '2026-03-02T12:10:00+08:00', 30)).toBe('2026-03-02T14:00:00+08:00');
    // Friday 17:00 + 60 min: 30 min left on Friday, then Monday 08:30 + 30.
    expect(await due('back-office', '2026-03-06T17:00:00+08:00', 60)).toBe('2026-03-09T09:00:00+08:00');

    const got = await agent.get('/api/v1/business-calendars/back-office', { 'accept-language': 'en' });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ name: 'Back office (lunch break)', nameZh: '后台（午休）', workday: LUNCH });
    const versions = await admin.get('/api/v1/business-calendars/back-office/versions', { 'accept-language': 'en' });
    expect(versions.json().items).toEqual([
      expect.objectContaining({ version: 1, summary: 'Calendar created', changedBy: admin.userId }),
    ]);
    expect((await changedEvents('back-office')).map((e) => e.payload)).toEqual([
      { calendarId: 'back-office', version: 1 },
    ]);
  });

  it('generates a slug id when none is given, and refuses taken, reserved and invalid input', async () => {
    const body = {
      nameZh: '热线',
      nameEn: 'Hotline 7×24',
      timeZone: 'asia/shanghai',
      weekly: Array.from({ length: 7 }, () => [[0, 1440]]),
      workday: [[0, 1440]],
      followsOfficial: false,
    };
    const first = await admin.post('/api/v1/business-calendars', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: 'hotline-7-24', timeZone: 'Asia/Shanghai' });
    expect((await admin.post('/api/v1/business-calendars', body)).json().id).toBe('hotline-7-24-2');

    const en = { 'accept-language': 'en' };
    const taken = await admin.post('/api/v1/business-calendars', { ...body, id: 'back-office' }, en);
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'calendars.id_taken']);
    const reserved = await admin.post('/api/v1/business-calendars', { ...body, id: 'official' }, en);
    expect([reserved.statusCode, reserved.json().code]).toEqual([400, 'calendars.id_reserved']);
    const zone = await admin.post('/api/v1/business-calendars', { ...body, id: 'mars', timeZone: 'Mars/Olympus' }, en);
    expect([zone.statusCode, zone.json().code]).toEqual([400, 'calendars.invalid_time_zone']);
    expect(zone.json().detail).toContain('Mars/Olympus');
    for (const periods of [
      [
        [600, 720],
        [700, 900],
      ], // overlapping
      [
        [810, 1050],
        [510, 720],
      ], // out of order
      [[720, 720]], // empty
    ]) {
      const r = await admin.post('/api/v1/business-calendars', { ...body, id: 'bad', weekly: week(periods) });
      expect([r.statusCode, r.json().code]).toEqual([400, 'calendars.invalid_periods']);
    }
    const outOfDay = await admin.post('/api/v1/business-calendars', { ...body, id: 'bad', workday: [[0, 1441]] });
    expect(outOfDay.statusCode).toBe(400);
    const badId = await admin.post('/api/v1/business-calendars', { ...body, id: 'Back Office' });
    expect(badId.statusCode).toBe(400);
  });

  it('a make-up Saturday on cn-workdays moves a deadline earlier: versioned, audited, announced', async () => {
    const before = (await admin.get('/api/v1/business-calendars/cn-workdays')).json();
    // Friday 2026-03-06 17:00 + 2 h: without the make-up day, Monday 10:00.
    expect(await due('cn-workdays', '2026-03-06T17:00:00+08:00', 120)).toBe('2026-03-09T10:00:00+08:00');

    const r = await put(admin, '/api/v1/business-calendars/cn-workdays/days/2026-03-07', {
      kind: 'work',
      name: '公司调休上班',
      version: before.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().version).toBe(before.version + 1);
    expect(r.json().days).toContainEqual({ date: '2026-03-07', kind: 'work', name: '公司调休上班' });
    expect(await due('cn-workdays', '2026-03-06T17:00:00+08:00', 120)).toBe('2026-03-07T10:00:00+08:00');

    const [version] = await t.database.db
      .select()
      .from(businessCalendarVersions)
      .where(
        and(
          eq(businessCalendarVersions.calendarId, 'cn-workdays'),
          eq(businessCalendarVersions.version, before.version + 1),
        ),
      );
    expect(version).toMatchObject({ summary: 'calendars.version.day_set', changedBy: admin.userId });
    expect(version?.snapshot.days).toContainEqual({ date: '2026-03-07', kind: 'work', name: '公司调休上班' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.day_set'), eq(auditLog.entityId, 'cn-workdays')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.userId, after: { date: '2026-03-07', kind: 'work' } });
    expect((await changedEvents('cn-workdays'))[0]?.payload).toEqual({
      calendarId: 'cn-workdays',
      version: before.version + 1,
    });
    const versions = await admin.get('/api/v1/business-calendars/cn-workdays/versions');
    expect(versions.json().items[0]).toMatchObject({
      version: before.version + 1,
      summary: '2026-03-07 设为工作日（公司调休上班）',
      changedByName: expect.any(String),
    });

    // The year view: the official days (Spring Festival make-up Saturday 2-14) and the calendar's own.
    const year = await admin.get('/api/v1/business-calendars/cn-workdays/year/2026');
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json().days).toContainEqual({
      date: '2026-03-07',
      kind: 'work',
      name: '公司调休上班',
      source: 'calendar',
    });
    expect(year.json().days).toContainEqual(
      expect.objectContaining({ date: '2026-02-14', kind: 'work', source: 'official' }),
    );
    expect(year.json().days).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', kind: 'off', source: 'official' }),
    );
  });

  it('refuses a stale version with 409, removes a day, and 404s a day that is not set', async () => {
    const current = (await admin.get('/api/v1/business-calendars/cn-workdays')).json().version as number;
    const stale = await put(
      admin,
      '/api/v1/business-calendars/cn-workdays/days/2026-03-14',
      { kind: 'work', name: 'x', version: current - 1 },
      { 'accept-language': 'en' },
    );
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'calendars.version_conflict']);
    expect(stale.json().params).toEqual({ current, given: current - 1 });

    const removed = await admin.delete(`/api/v1/business-calendars/cn-workdays/days/2026-03-07?version=${current}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ version: current + 1, days: [] });
    expect(await due('cn-workdays', '2026-03-06T17:00:00+08:00', 120)).toBe('2026-03-09T10:00:00+08:00');
    const again = await admin.delete(`/api/v1/business-calendars/cn-workdays/days/2026-03-07?version=${current + 1}`);
    expect([again.statusCode, again.json().code]).toEqual([404, 'calendars.day_not_found']);
    // The refused removal changed nothing.
    expect((await admin.get('/api/v1/business-calendars/cn-workdays')).json().version).toBe(current + 1);
    const badDate = await put(admin, '/api/v1/business-calendars/cn-workdays/days/2026-02-30', {
      kind: 'off',
      name: '',
      version: current + 1,
    });
    expect([badDate.statusCode, badDate.json().code]).toEqual([400, 'calendars.invalid_date']);
  });

  it('changes settings with a version; the built-in calendar keeps its periods', async () => {
    const cal = (await admin.get('/api/v1/business-calendars/back-office')).json();
    const settings = {
      nameZh: cal.nameZh,
      nameEn: 'Back office',
      timeZone: cal.timeZone,
      weekly: week(NINE_TO_SIX),
      workday: NINE_TO_SIX,
      followsOfficial: true,
    };
    const ok = await put(admin, '/api/v1/business-calendars/back-office', { ...settings, version: cal.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: cal.version + 1, nameEn: 'Back office', weekly: week(NINE_TO_SIX) });
    expect(await due('back-office', '2026-03-02T11:30:00+08:00', 60)).toBe('2026-03-02T12:30:00+08:00');
    const stale = await put(admin, '/api/v1/business-calendars/back-office', { ...settings, version: cal.version });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'calendars.version_conflict']);

    const builtin = (await admin.get('/api/v1/business-calendars/cn-workdays')).json();
    const base = {
      nameZh: builtin.nameZh,
      nameEn: 'Official working days',
      timeZone: builtin.timeZone,
      weekly: builtin.weekly,
      workday: builtin.workday,
      followsOfficial: true,
      version: builtin.version,
    };
    const locked = await put(admin, '/api/v1/business-calendars/cn-workdays', { ...base, weekly: week(LUNCH) });
    expect([locked.statusCode, locked.json().code]).toEqual([400, 'calendars.builtin_locked']);
    const renamed = await put(admin, '/api/v1/business-calendars/cn-workdays', base);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: 'cn-workdays', isBuiltin: true, nameEn: 'Official working days' });
  });

  it('lets everyone read but only calendars.manage write', async () => {
    expect((await agent.get('/api/v1/business-calendars/cn-workdays/year/2025')).statusCode).toBe(200);
    expect((await agent.get('/api/v1/business-calendars/cn-workdays/versions')).statusCode).toBe(200);
    const version = (await agent.get('/api/v1/business-calendars/cn-workdays')).json().version;
    const day = await put(agent, '/api/v1/business-calendars/cn-workdays/days/2026-03-07', {
      kind: 'work',
      name: '',
      version,
    });
    expect(day.statusCode).toBe(403);
    expect(
      (await agent.delete(`/api/v1/business-calendars/cn-workdays/days/2026-03-07?version=${version}`)).statusCode,
    ).toBe(403);
    const create = await agent.post('/api/v1/business-calendars', {
      nameZh: 'x',
      nameEn: 'x',
      timeZone: 'Asia/Shanghai',
      weekly: week([]),
      workday: [],
      followsOfficial: true,
    });
    expect(create.statusCode).toBe(403);
    expect((await admin.get('/api/v1/business-calendars/nope')).statusCode).toBe(404);
  });
});

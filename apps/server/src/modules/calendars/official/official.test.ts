import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { auditLog, businessCalendarVersions, notifications, outboxEvents } from '../../../db/schema/index.js';
import { createUser } from '../../../db/seed/factories.js';
import { checkNextYearJob } from './official.jobs.js';
import { checkNextYearMissing, listOfficialYears } from './official.service.js';

const FIXTURE = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../test/fixtures/made-up-2027.ics'));

/** A multipart body: fields first, then the file part `file`. */
function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----kefu${Math.random().toString(36).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([...parts, head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * The official arrangements (放假安排) as administrators keep them: the missing-year warning and its
 * once-a-year notice, importing a year from iCal (dry run, then applied) so that the calculator
 * follows, JSON and the form, and the refusals.
 */
describe('official arrangements: next-year warning, import and form', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let agentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const user = await createUser(t.database.db, { roleKey: 'agent' });
    agentId = user.id;
    agent = await t.signIn(user.username);
  });
  afterAll(async () => t?.close());

  const upload = (s: Session, fileName: string, content: Buffer, fields?: Record<string, string>, query = '') => {
    const { payload, contentType } = multipart(fileName, content, fields);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/business-calendars/official/years/import${query}`,
      cookies: s.cookies,
      headers: { 'x-csrf-token': s.cookies.kefu_csrf ?? '', 'content-type': contentType, 'accept-language': 'en' },
      payload,
    });
  };
  const due = async (start: string, minutes: number) => {
    const r = await admin.post('/api/v1/business-calendars/cn-workdays/due', { start, minutes });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().due as string;
  };
  const official2027 = async () => (await admin.get('/api/v1/business-calendars/official/years/2027')).json();
  const noticesFor = (userId: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipient, userId), eq(notifications.ref, 'calendars:official-year:2027')));

  it('says next year is missing from 1 November and tells the administrators once', async () => {
    // The shipped data may one day include 2027: start without it.
    const cleared = await admin.inject('PUT', '/api/v1/business-calendars/official/years/2027', { days: [] });
    expect(cleared.statusCode, cleared.body).toBe(200);

    const october = new Date('2026-10-31T15:59:00Z'); // 23:59 in Beijing
    const november = new Date('2026-11-02T01:00:00Z');
    expect(await listOfficialYears(t.app.deps, october)).toMatchObject({ nextYear: 2027, nextYearMissing: false });
    const view = await listOfficialYears(t.app.deps, november);
    expect(view).toMatchObject({ nextYear: 2027, nextYearMissing: true });
    expect(view.years).toContainEqual({
      year: 2026,
      days: expect.any(Number),
      offDays: 33,
      workDays: 6,
      source: 'seed',
    });

    const run = (now: Date) => t.database.db.transaction((tx) => checkNextYearMissing(tx, now));
    expect((await run(october)).notified).toBe(0);
    expect((await run(november)).notified).toBeGreaterThanOrEqual(1);
    expect((await run(new Date('2026-11-03T01:00:00Z'))).notified).toBe(0); // once a year
    expect(await noticesFor(admin.userId)).toHaveLength(1);
    expect(await noticesFor(agentId)).toHaveLength(0);
    const mine = await admin.get('/api/v1/notifications/mine', { 'accept-language': 'en' });
    expect(mine.json().items).toContainEqual(
      expect.objectContaining({ subject: 'The official holiday arrangement for 2027 is missing' }),
    );
    expect(checkNextYearJob).toMatchObject({ name: 'calendars.check_next_year', cron: expect.any(String) });
  });

  it('imports an .ics arrangement: a dry run writes nothing, then the due route follows it', async () => {
    // Friday 2027-02-05 17:00 + 2 h, without the arrangement: Monday 2-8.
    expect(await due('2027-02-05T17:00:00+08:00', 120)).toBe('2027-02-08T10:00:00+08:00');

    const dry = await upload(admin, 'made-up-2027.ics', FIXTURE, { dryRun: 'true' });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ year: 2027, years: [2027], applied: false });
    expect(dry.json().days).toHaveLength(1 + 3 + 8 + 1);
    expect(dry.json().days).toContainEqual({
      date: '2027-02-14',
      kind: 'work',
      nameZh: '春节',
      nameEn: 'Spring Festival',
    });
    // The make-up Sunday of late December 2026 joins 2026 without replacing it.
    expect(dry.json().warnings).toEqual([
      '2026-12-27 belongs to 2026; it is added to that year day by day, without replacing the rest of it.',
    ]);
    expect((await official2027()).days).toEqual([]);
    expect(await due('2027-02-05T17:00:00+08:00', 120)).toBe('2027-02-08T10:00:00+08:00');

    const applied = await upload(admin, 'made-up-2027.ics', FIXTURE);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().applied).toBe(true);
    const year = await official2027();
    expect(year.days).toHaveLength(12);
    expect(year.days[0]).toMatchObject({ date: '2027-01-01', kind: 'off', name: '元旦', source: 'admin' });

    // Spring Festival 2-6 … 2-13 off, Sunday 2-14 works; a start on 元旦 counts from Monday 1-4.
    expect(await due('2027-02-05T17:00:00+08:00', 120)).toBe('2027-02-14T10:00:00+08:00');
    expect(await due('2027-01-01T10:00:00+08:00', 60)).toBe('2027-01-04T10:00:00+08:00');
    expect(await due('2026-12-26T10:00:00+08:00', 60)).toBe('2026-12-27T10:00:00+08:00');
    // 2026 kept its shipped days.
    expect(await due('2026-10-01T10:00:00+08:00', 60)).toBe('2026-10-08T10:00:00+08:00');

    const versions = await t.database.db
      .select()
      .from(businessCalendarVersions)
      .where(eq(businessCalendarVersions.calendarId, '*official*'));
    expect(versions.map((v) => v.summary)).toEqual([
      'calendars.version.official_year',
      'calendars.version.official_import',
    ]);
    expect(versions[1]).toMatchObject({ version: 2, changedBy: admin.userId });
    const events = await t.database.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.name, 'calendar.changed'), sql`${outboxEvents.payload}->>'calendarId' IS NULL`));
    expect(events.map((e) => e.payload)).toEqual([
      { calendarId: null, version: 1 },
      { calendarId: null, version: 2 },
    ]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.official_imported'), isNull(auditLog.entityId)));
    expect(audit[0]?.details).toMatchObject({ fileName: 'made-up-2027.ics', years: [2027], days: 13 });

    const list = await admin.get('/api/v1/business-calendars/official/years');
    expect(list.json().years).toContainEqual({ year: 2027, days: 12, offDays: 11, workDays: 1, source: 'admin' });
    expect((await listOfficialYears(t.app.deps, new Date('2026-11-02T01:00:00Z'))).nextYearMissing).toBe(false);
  });

  it('imports JSON (dry run) and replaces a year from the form, validated', async () => {
    const kefu = Buffer.from(
      JSON.stringify({
        year: 2028,
        days: [
          { date: '2028-01-01', kind: 'off', nameZh: '元旦' },
          { date: '2028-01-29', kind: 'work', nameZh: '春节', nameEn: 'Spring Festival' },
        ],
      }),
    );
    const dry = await upload(admin, 'arrangement-2028.json', kefu, {}, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ year: 2028, applied: false, warnings: [] });
    const chineseDays = Buffer.from(
      JSON.stringify({ holidays: { '2028-10-01': 'National Day,国庆节,7' }, workdays: {} }),
    );
    const cd = await upload(admin, 'chinese-days.json', chineseDays, { dryRun: 'true' });
    expect(cd.json()).toMatchObject({ years: [2028], days: [{ date: '2028-10-01', nameZh: '国庆节' }] });

    const url = '/api/v1/business-calendars/official/years/2028';
    const en = { 'accept-language': 'en' };
    const outside = await admin.inject('PUT', url, { days: [{ date: '2029-01-01', kind: 'off', nameZh: '元旦' }] }, en);
    expect([outside.statusCode, outside.json().code]).toEqual([400, 'calendars.date_outside_year']);
    const twice = await admin.inject(
      'PUT',
      url,
      {
        days: [
          { date: '2028-01-01', kind: 'off', nameZh: '元旦' },
          { date: '2028-01-01', kind: 'work', nameZh: '元旦' },
        ],
      },
      en,
    );
    expect([twice.statusCode, twice.json().code]).toEqual([400, 'calendars.duplicate_date']);
    const badKind = await admin.inject('PUT', url, { days: [{ date: '2028-01-01', kind: 'maybe', nameZh: '元旦' }] });
    expect(badKind.statusCode).toBe(400);
    const ok = await admin.inject('PUT', url, {
      days: [
        { date: '2028-01-01', kind: 'off', nameZh: '元旦', nameEn: "New Year's Day" },
        { date: '2028-01-02', kind: 'off', nameZh: '元旦' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2028, version: 3 });
    expect(ok.json().days[1]).toMatchObject({ date: '2028-01-02', nameEn: '元旦', source: 'admin' });
    expect(await due('2027-12-31T17:00:00+08:00', 120)).toBe('2028-01-03T10:00:00+08:00');
    const agentPut = await agent.inject('PUT', url, { days: [] });
    expect(agentPut.statusCode).toBe(403);
    expect((await agent.get(url)).statusCode).toBe(200);
  });

  it('refuses files that are too large, unsupported, unreadable or missing — in the reader’s language', async () => {
    const big = await upload(admin, 'big.ics', Buffer.alloc(300 * 1024, 'A'));
    expect([big.statusCode, big.json().code]).toEqual([413, 'calendars.import_file_too_large']);
    expect(big.json().detail).toBe('The file is too large; the limit is 256 KiB.');
    // Just over the limit: caught while reading the part.
    const over = await upload(admin, 'over.ics', Buffer.alloc(256 * 1024 + 10, 'A'));
    expect([over.statusCode, over.json().code]).toEqual([413, 'calendars.import_file_too_large']);
    const txt = await upload(admin, 'notes.txt', Buffer.from('hello'));
    expect([txt.statusCode, txt.json().code]).toEqual([415, 'calendars.import_unsupported']);
    const broken = await upload(admin, 'broken.ics', Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'));
    expect([broken.statusCode, broken.json().code]).toEqual([400, 'calendars.import_invalid']);
    const empty = await upload(admin, 'empty.json', Buffer.from('{"holidays": {}, "workdays": {}}'));
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'calendars.import_empty']);
    const noFile = await admin.post('/api/v1/business-calendars/official/years/import', { file: 'x' });
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'calendars.import_file_missing']);
    const body = multipart('big.ics', Buffer.alloc(300 * 1024, 'A'));
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/business-calendars/official/years/import',
      cookies: admin.cookies,
      headers: {
        'x-csrf-token': admin.cookies.kefu_csrf ?? '',
        'content-type': body.contentType,
        'accept-language': 'zh-CN',
      },
      payload: body.payload,
    });
    expect(zh.statusCode).toBe(413);
    expect(zh.json().detail).toBe('文件过大，最大 256 KiB。');
    const byAgent = await upload(agent, 'made-up-2027.ics', FIXTURE, { dryRun: 'true' });
    expect(byAgent.statusCode).toBe(403);
  });
});

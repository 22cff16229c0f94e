import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';

/** A multipart body: plain fields first, then the file (as the route expects). */
function form(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----kefu${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const T0 = 1772413200; // 2026-03-02 09:00 Asia/Shanghai
const SAMPLE = [
  `${T0}|NONE|NONE|NONE|QUEUESTART|`,
  `${T0 + 1}|${T0}.1|support|NONE|ENTERQUEUE||13800138000|1`,
  `${T0 + 5}|${T0}.1|support|PJSIP/8001|RINGNOANSWER|15000`,
  `${T0 + 20}|${T0}.1|support|PJSIP/8002|CONNECT|19|${T0}.2|3`,
  `${T0 + 220}|${T0}.1|support|PJSIP/8002|COMPLETECALLER|19|200|1`,
  `${T0 + 100}|${T0}.3|support|NONE|ENTERQUEUE||13900139000|1`,
  `${T0 + 130}|${T0}.3|support|NONE|ABANDON|1|1|30`,
  `${T0 + 200}|${T0}.4|sales|NONE|ENTERQUEUE||13700137000|1`,
  'this is not a queue_log line',
  `${T0 + 300}|${T0}.5|support|NONE|BOGUS|x`,
].join('\n');
// The rest of call .4 (a later file that overlaps the first one's tail).
const TAIL = [
  `${T0 + 200}|${T0}.4|sales|NONE|ENTERQUEUE||13700137000|1`,
  `${T0 + 210}|${T0}.4|sales|PJSIP/8003|CONNECT|10|${T0}.6|2`,
  `${T0 + 300}|${T0}.4|sales|PJSIP/8003|COMPLETEAGENT|10|90|1`,
].join('\n');

describe('call import (POST /api/v1/calls/imports)', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.2 } } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const upload = (
    session: Session,
    fields: Record<string, string>,
    file?: { name: string; content: Buffer },
    headers: Record<string, string> = {},
  ) => {
    const { payload, contentType } = form(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/calls/imports',
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.cookies.kefu_csrf ?? '', 'content-type': contentType, ...headers },
      payload,
    });
  };
  const queueLog = (content: string, name = 'queue_log') =>
    upload(admin, { format: 'asterisk-queue-log' }, { name, content: Buffer.from(content) });
  const callCount = async () =>
    Number((await t.database.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM calls`)).rows[0]?.n);

  it('imports a small queue_log at once: counts, outcomes from the data fields, line errors', async () => {
    const res = await queueLog(SAMPLE);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'done',
      lines: 10,
      calls: 3,
      inserted: 3,
      updated: 0,
      errorCount: 2,
      progress: 1,
    });
    expect(body.errors).toEqual([
      { line: 9, code: 'too_few_fields', text: 'this is not a queue_log line' },
      { line: 10, code: 'unknown_event', text: `${T0 + 300}|${T0}.5|support|NONE|BOGUS|x` },
    ]);
    const rows = await t.database.db.execute<Record<string, unknown>>(
      sql`SELECT external_id, queue, outcome, wait_seconds, talk_seconds, caller_number, agent, ring_no_answer_count,
            ring_no_answer_ms, source FROM calls ORDER BY external_id`,
    );
    expect(rows.rows).toEqual([
      {
        external_id: `${T0}.1`,
        queue: 'support',
        outcome: 'answered',
        wait_seconds: 19,
        talk_seconds: 200,
        caller_number: '13800138000',
        agent: 'PJSIP/8002',
        ring_no_answer_count: 1,
        ring_no_answer_ms: 15000,
        source: 'asterisk-queue-log',
      },
      expect.objectContaining({ external_id: `${T0}.3`, outcome: 'abandoned', wait_seconds: 30, talk_seconds: null }),
      expect.objectContaining({ external_id: `${T0}.4`, outcome: 'unresolved', wait_seconds: null }),
    ]);
    const get = await admin.get(`/api/v1/calls/imports/${body.id}`);
    expect(get.statusCode).toBe(200);
    expect(get.json()).toMatchObject({ id: body.id, status: 'done', calls: 3, inserted: 3 });
  });

  it('the same file again changes nothing; an overlapping tail settles the unresolved call', async () => {
    const again = await queueLog(SAMPLE);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ calls: 3, inserted: 0, updated: 0 });
    const tail = await queueLog(TAIL, 'queue_log.1');
    expect(tail.json()).toMatchObject({ calls: 1, inserted: 0, updated: 1, errorCount: 0 });
    const [row] = (
      await t.database.db.execute<Record<string, unknown>>(
        sql`SELECT outcome, wait_seconds, talk_seconds, agent FROM calls WHERE external_id = ${`${T0}.4`}`,
      )
    ).rows;
    expect(row).toEqual({ outcome: 'answered', wait_seconds: 10, talk_seconds: 90, agent: 'PJSIP/8003' });
    expect(await callCount()).toBe(3);
    // And the tail once more: known, nothing changes.
    expect((await queueLog(TAIL)).json()).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('a large file (> 1 MB) answers 202 and is imported by a job with progress', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const at = T0 + 86_400 + i * 30;
      const id = `${at}.${i}`;
      lines.push(
        `${at}|${id}|bulk|NONE|ENTERQUEUE|https://pbx.example/ivr/entry-point|1380013${String(i).padStart(4, '0')}|1`,
      );
      lines.push(`${at + 10}|${id}|bulk|PJSIP/80${i % 10}|CONNECT|10|${id}b|3`);
      lines.push(`${at + 100}|${id}|bulk|PJSIP/80${i % 10}|COMPLETEAGENT|10|90|1`);
    }
    const content = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(content)).toBeGreaterThan(1024 * 1024);
    const res = await queueLog(content, 'queue_log.big');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued', progress: 0 });
    const id = res.json().id as string;
    let view: Record<string, unknown> = {};
    for (let i = 0; i < 300; i += 1) {
      view = (await admin.get(`/api/v1/calls/imports/${id}`)).json();
      if (view.status === 'done' || view.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(view).toMatchObject({
      status: 'done',
      progress: 1,
      lines: 30_000,
      calls: 10_000,
      inserted: 10_000,
      errorCount: 0,
    });
    expect(await callCount()).toBe(10_003);
  });

  it('refuses a wrong format, a missing file, a bad mapping and an oversized upload, storing nothing', async () => {
    const before = await callCount();
    const file = { name: 'queue_log', content: Buffer.from(TAIL) };
    const wrong = await upload(admin, { format: 'excel' }, file);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('calls.import_format_invalid');
    expect(wrong.json().detail).toMatch(/asterisk-queue-log/);
    const missing = await upload(admin, { format: 'asterisk-queue-log' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('calls.import_file_missing');
    const mapping = await upload(admin, { format: 'csv', mapping: JSON.stringify({ queue: 'q' }) }, file);
    expect(mapping.statusCode).toBe(400);
    expect(mapping.json().code).toBe('calls.import_mapping_invalid');
    const empty = await upload(admin, { format: 'asterisk-queue-log' }, { name: 'x', content: Buffer.alloc(0) });
    expect(empty.json().code).toBe('calls.import_empty_file');
    const big = await upload(admin, { format: 'asterisk-queue-log' }, file, {
      'content-length': String(600 * 1024 * 1024),
      'accept-language': 'zh-CN',
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('calls.import_file_too_large');
    expect(big.json().detail).toContain('512 MB');
    expect(await callCount()).toBe(before);
  });

  it('needs calls.import; an import is visible to its user and to calls.manage holders only', async () => {
    const password = 'Passw0rd!';
    for (const [username, roleKey] of [
      ['agent1', 'agent'],
      ['sup1', 'supervisor'],
    ]) {
      const res = await admin.post('/api/v1/users', { username, displayName: username, password, roleKey });
      expect(res.statusCode, res.body).toBe(201);
    }
    const agent = await t.signIn('agent1');
    const refused = await upload(agent, { format: 'asterisk-queue-log' }, { name: 'q', content: Buffer.from(TAIL) });
    expect(refused.statusCode).toBe(403);
    const supervisor = await t.signIn('sup1');
    const own = await upload(supervisor, { format: 'asterisk-queue-log' }, { name: 'q', content: Buffer.from(TAIL) });
    expect(own.statusCode).toBe(200);
    expect((await supervisor.get(`/api/v1/calls/imports/${own.json().id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/calls/imports/${own.json().id}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/v1/calls/imports/${own.json().id}`)).statusCode).toBe(403);
    const unknown = await admin.get('/api/v1/calls/imports/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('calls.import_not_found');
  });

  it('imports a CSV with a column mapping, in UTF-8 with BOM and in GBK, with per-record errors', async () => {
    const mapping = JSON.stringify({
      externalId: '通话ID',
      queue: '队列',
      enteredAt: '进线时间',
      outcome: '结果',
      direction: '方向',
      callerNumber: '主叫号码',
      agent: '坐席',
      waitSeconds: '排队秒数',
      talkSeconds: '通话秒数',
    });
    const text = [
      '通话ID,队列,进线时间,结果,方向,主叫号码,坐席,排队秒数,通话秒数',
      'c-1,投诉热线,2026-03-02 10:00:00,接通,呼入,138-0013-8000,王芳,12,180',
      'c-2,投诉热线,2026-03-02 10:05:00,放弃,呼入,13900139000,,40,',
      'c-3,投诉热线,2026-03-02 25:00:00,接通,呼入,13900139000,,1,1',
      'c-4,投诉热线,2026-03-02 10:09:00,挂起,呼入,13900139000,,1,1',
    ].join('\r\n');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const res = await upload(admin, { format: 'csv', mapping }, { name: 'calls.csv', content: utf8 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lines: 5, calls: 2, inserted: 2, errorCount: 2 });
    expect(res.json().errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [4, 'bad_time'],
      [5, 'bad_outcome'],
    ]);
    const [row] = (
      await t.database.db.execute<Record<string, unknown>>(
        sql`SELECT queue, outcome, caller_number, agent, wait_seconds, talk_seconds, source,
              entered_at = '2026-03-02T02:00:00Z'::timestamptz AS shanghai
            FROM calls WHERE external_id = 'c-1'`,
      )
    ).rows;
    expect(row).toEqual({
      queue: '投诉热线',
      outcome: 'answered',
      caller_number: '13800138000',
      agent: '王芳',
      wait_seconds: 12,
      talk_seconds: 180,
      source: 'csv',
      shanghai: true,
    });
    // The same calls in GBK: the same records, so nothing changes.
    const gbk = iconv.encode(text, 'gbk');
    const again = await upload(admin, { format: 'csv', mapping }, { name: 'calls-gbk.csv', content: gbk });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ calls: 2, inserted: 0, updated: 0, errorCount: 2 });
    // A mapped header the file does not have: 400, nothing stored.
    const wrongHeader = await upload(
      admin,
      { format: 'csv', mapping: mapping.replace('主叫号码', '来电号码') },
      { name: 'calls.csv', content: utf8 },
    );
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.json().code).toBe('calls.import_header_missing');
  });
});

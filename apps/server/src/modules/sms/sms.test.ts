import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { type SmsPeer, startSmsPeer } from '../../../test/sms-peer.js';
import { auditLog, notificationAttempts, notifications } from '../../db/schema/index.js';
import { createUser } from '../../db/seed/factories.js';
import type { Deps } from '../../lib/deps.js';
import { queueNotification } from '../notifications/index.js';
import { smsAdapter } from './sms.adapter.js';
import { updateSmsSettings } from './sms.service.js';

const KEY_ID = 'LTAI5tKefuTestKey';
const SECRET = 'kefu-test-access-key-secret';
const SIGN = '客服中心';
const DEFAULT_TEMPLATE = 'SMS_100000001';
const OWN_TEMPLATE = 'SMS_100000002';

type Settings = { version: number; hasSecret: boolean; configured: boolean } & Record<string, unknown>;

describe('SMS: settings, test message and delivery over Alibaba Cloud SendSms to a signature-checking peer', () => {
  let t: TestApp;
  let peer: SmsPeer;
  let admin: Session;
  let agent: Session;
  let deps: Deps;

  beforeAll(async () => {
    peer = await startSmsPeer({
      accessKeyId: KEY_ID,
      accessKeySecret: SECRET,
      signNames: [SIGN],
      templates: [DEFAULT_TEMPLATE, OWN_TEMPLATE],
      perNumberPerMinute: 1,
    });
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } } });
    deps = (t.app as unknown as { deps: Deps }).deps;
    await createUser(t.database.db, { username: 'sms_agent', roleKey: 'agent' });
    admin = await t.signIn('admin');
    agent = await t.signIn('sms_agent');
  });
  afterAll(async () => {
    await t?.close();
    await peer?.close();
  });

  const settings = async () => (await admin.get('/api/v1/sms/settings')).json() as Settings;
  const save = async (body: Record<string, unknown>) => {
    const current = await settings();
    return admin.inject('PUT', '/api/v1/sms/settings', {
      provider: 'aliyun',
      endpoint: peer.endpoint,
      regionId: 'cn-hangzhou',
      accessKeyId: KEY_ID,
      signName: SIGN,
      defaultTemplateCode: DEFAULT_TEMPLATE,
      version: current.version,
      ...body,
    });
  };

  it('is for administrators of notifications only, and refuses a bad endpoint and unknown fields', async () => {
    expect((await agent.get('/api/v1/sms/settings')).statusCode).toBe(403);
    expect((await agent.inject('PUT', '/api/v1/sms/settings', { version: 1 })).statusCode).toBe(403);
    expect((await agent.post('/api/v1/sms/settings/test', { phone: '13800138000' })).statusCode).toBe(403);

    const initial = await settings();
    expect(initial).toMatchObject({
      provider: 'aliyun',
      endpoint: 'https://dysmsapi.aliyuncs.com',
      hasSecret: false,
      configured: false,
    });
    const notSetUp = await admin.post('/api/v1/sms/settings/test', { phone: '13800138000' });
    expect(notSetUp.statusCode).toBe(400);
    expect(notSetUp.json()).toMatchObject({ code: 'sms.not_configured' });

    const badEndpoint = await save({ endpoint: 'ftp://example.com' });
    expect(badEndpoint.statusCode).toBe(400);
    expect(badEndpoint.json()).toMatchObject({ code: 'sms.invalid_endpoint' });
    expect((await save({ endpoint: 'https://dysmsapi.aliyuncs.com/?x=1' })).json().code).toBe('sms.invalid_endpoint');
    expect((await save({ unknown: true })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/sms/settings/test', { phone: 'not a phone' })).statusCode).toBe(400);
    expect((await save({ version: initial.version + 5 })).statusCode).toBe(409);
  });

  it('keeps the AccessKey secret write-only: never answered, never in the audit trail', async () => {
    const saved = await save({ accessKeySecret: SECRET });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(SECRET);
    expect(saved.json()).toMatchObject({ hasSecret: true, configured: true, endpoint: peer.endpoint });
    expect(saved.json()).not.toHaveProperty('accessKeySecret');

    // Left out: the stored secret stays.
    const again = await save({ signName: SIGN });
    expect(again.json()).toMatchObject({ hasSecret: true });
    const read = await admin.get('/api/v1/sms/settings');
    expect(read.body).not.toContain(SECRET);

    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'sms_settings.updated'))
      .orderBy(asc(auditLog.id));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
    expect(entries[0]?.after).toMatchObject({ hasSecret: true, secretChanged: true });
    expect(entries[1]?.after).toMatchObject({ hasSecret: true, secretChanged: false });
  });

  it("sends a test message signed as the provider checks it, and reports the frequency limit's refusal", async () => {
    const before = peer.requests.length;
    const response = await admin.post('/api/v1/sms/settings/test', { phone: '+86 138 0013 8000' });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ ok: true, status: 200, error: null });
    expect(result.providerId).toMatch(/\^/);
    const seen = peer.requests[before];
    expect(seen?.code).toBe('OK');
    expect(seen?.params).toMatchObject({
      PhoneNumbers: '+8613800138000',
      SignName: SIGN,
      TemplateCode: DEFAULT_TEMPLATE,
    });
    expect(JSON.parse(seen?.params.TemplateParam ?? '{}')).toEqual({
      content: '这是客服系统的测试短信。收到即说明短信设置正确，无需回复。',
    });
    expect(seen?.headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tKefuTestKey,SignedHeaders=content-type;host;/,
    );

    // The peer allows one message a minute per number: the second is refused, and retried later by deliveries.
    const limited = (await admin.post('/api/v1/sms/settings/test', { phone: '13800138000' })).json();
    expect(limited).toMatchObject({ ok: false, status: 200 });
    expect(limited.error).toContain('isv.BUSINESS_LIMIT_CONTROL');
    const viaAdapter = await smsAdapter.send(deps, {
      id: '00000000-0000-4000-8000-000000000001',
      channel: 'sms',
      recipient: '13800138000',
      subject: '',
      body: '再试一次',
      locale: 'zh-CN',
      topic: 'general',
      headers: null,
      attempt: 2,
    });
    expect(viaAdapter).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 120 });

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'sms_settings.tested'));
    expect(audit).toHaveLength(2);
  });

  it('refuses an endpoint on a private address unless KEFU_WEBHOOK_ALLOW_PRIVATE (SSRF), without retrying', async () => {
    const strict: Deps = { ...deps, config: { ...deps.config, outbound: { allowPrivate: false } } };
    const before = peer.requests.length;
    const result = await smsAdapter.send(strict, {
      id: '00000000-0000-4000-8000-000000000002',
      channel: 'sms',
      recipient: '13600136000',
      subject: '',
      body: '内网地址',
      locale: 'zh-CN',
      topic: 'general',
      headers: null,
      attempt: 1,
    });
    expect(result).toMatchObject({ ok: false, status: null, retryable: false });
    expect(result.error).toContain('outbound.blocked_address');
    expect(peer.requests.length).toBe(before);
    // Refused already when saved (before anything is read or written).
    const saving = updateSmsSettings(strict, {} as Parameters<typeof updateSmsSettings>[1], {
      provider: 'aliyun',
      endpoint: 'http://169.254.169.254',
      regionId: 'cn-hangzhou',
      accessKeyId: KEY_ID,
      signName: SIGN,
      defaultTemplateCode: DEFAULT_TEMPLATE,
      version: 1,
    });
    await expect(saving).rejects.toMatchObject({ code: 'outbound.blocked_address', status: 400 });
  });

  const waitFor = async (id: string, statuses: string[]) => {
    for (let i = 0; i < 100; i++) {
      const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, id));
      if (row && statuses.includes(row.status)) return row;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`notification ${id} never reached ${statuses.join('/')}`);
  };
  const attemptsOf = (id: string) =>
    t.database.db
      .select()
      .from(notificationAttempts)
      .where(and(eq(notificationAttempts.notificationId, id)))
      .orderBy(asc(notificationAttempts.attempt));

  const queueSms = (recipient: string, headers: Record<string, unknown> | null = null) =>
    t.database.db.transaction((tx) =>
      queueNotification(tx, {
        channel: 'sms',
        recipient,
        topic: 'general',
        subject: '工单回复',
        body: '您的工单 T-1024 已有回复，请登录查看。',
        headers,
      }),
    );

  it('delivers a queued SMS through the pipeline with its own provider template, BizId in the log', async () => {
    const id = await queueSms('13900139000', {
      templateCode: OWN_TEMPLATE,
      templateParams: { ticket: 'T-1024', n: 3 },
    });
    const row = await waitFor(id, ['sent', 'dead']);
    expect(row.status).toBe('sent');
    const seen = peer.requests.find((r) => r.params.PhoneNumbers === '13900139000');
    expect(seen?.params).toMatchObject({ TemplateCode: OWN_TEMPLATE, OutId: id });
    expect(JSON.parse(seen?.params.TemplateParam ?? '{}')).toEqual({ ticket: 'T-1024', n: '3' });
    const [attempt] = await attemptsOf(id);
    expect(attempt).toMatchObject({ ok: true, status: 200 });
    expect(attempt?.request).toContain('POST http://127.0.0.1');
    expect(attempt?.request).not.toContain(SECRET);
    expect(attempt?.response).toContain('"Code":"OK"');
  });

  it('tries again later when the provider answers 5xx (a failure that is not final)', async () => {
    peer.answerNext(503, {
      RequestId: 'R-503',
      Code: 'ServiceUnavailable',
      Message: 'The request has failed due to a temporary failure of the server.',
    });
    const id = await queueSms('13500135000');
    const row = await waitFor(id, ['failed', 'sent', 'dead']);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now() + 20_000);
    const [attempt] = await attemptsOf(id);
    expect(attempt).toMatchObject({ ok: false, status: 503 });
    expect(attempt?.error).toContain('ServiceUnavailable');
  });

  it('shows a wrong AccessKey secret in the delivery log as a permanent refusal (not retried)', async () => {
    await save({ accessKeySecret: 'not-the-secret' });
    const id = await queueSms('13700137000');
    const row = await waitFor(id, ['sent', 'dead', 'failed']);
    expect(row.status).toBe('dead');
    expect(row.lastError).toContain('SignatureDoesNotMatch');
    const attempts = await attemptsOf(id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ ok: false, status: 400 });
    expect(attempts[0]?.error).toMatch(/^SignatureDoesNotMatch: Specified signature does not match/);
    await save({ accessKeySecret: SECRET });
  });
});

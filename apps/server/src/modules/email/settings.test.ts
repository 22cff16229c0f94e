import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';
import { saveSettings, startSmtpReceiver } from './email.test-setup.js';

describe('e-mail settings: secrets write-only, audited, test mail over SMTP (with DKIM)', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dkimKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startSmtpReceiver({ 'kefu@kefu.example.cn': 'smtp-pass-1' });
    await createUser(t.database.db, { username: 'agent1', roleKey: 'agent' });
    admin = await t.signIn('admin');
    agent = await t.signIn('agent1');
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('answers the defaults, nothing configured; agents may not read or change them', async () => {
    const r = await admin.get('/api/v1/email/settings');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      smtpHost: '',
      smtpConfigured: false,
      imapConfigured: false,
      hasSmtpPassword: false,
      imapMailbox: 'INBOX',
      pollingEnabled: false,
      version: 1,
    });
    expect((await agent.get('/api/v1/email/settings')).statusCode).toBe(403);
    expect((await agent.inject('PUT', '/api/v1/email/settings', {})).statusCode).toBe(403);
    expect((await agent.post('/api/v1/email/settings/test', { to: 'a@b.cn' })).statusCode).toBe(403);
    expect((await agent.post('/api/v1/email/poll')).statusCode).toBe(403);
    expect((await agent.get('/api/v1/email/inbound')).statusCode).toBe(403);
  });

  it('refuses a test mail while SMTP is not set up (400 email.not_configured)', async () => {
    const r = await admin.post('/api/v1/email/settings/test', { to: 'liu@huaxin.example.cn' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'email.not_configured' });
    const poll = await admin.post('/api/v1/email/poll');
    expect(poll.statusCode).toBe(400);
    expect(poll.json()).toMatchObject({ code: 'email.not_configured' });
  });

  it('saves secrets write-only: answered as has*, kept when left out, removed with "", never in the audit log', async () => {
    const saved = await saveSettings(admin, {
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecure: false,
      smtpUser: 'kefu@kefu.example.cn',
      smtpPassword: 'smtp-pass-1',
      fromAddress: 'service@kefu.example.cn',
      fromName: '华信客服中心',
      imapHost: '127.0.0.1',
      imapUser: 'kefu',
      imapPassword: 'imap-pass-1',
    });
    expect(saved).toMatchObject({
      hasSmtpPassword: true,
      hasImapPassword: true,
      smtpConfigured: true,
      imapConfigured: true,
    });
    expect(JSON.stringify(saved)).not.toContain('pass-1');
    const kept = await saveSettings(admin, { fromName: '客服中心' });
    expect(kept).toMatchObject({ fromName: '客服中心', hasSmtpPassword: true, hasImapPassword: true });
    const removed = await saveSettings(admin, { imapPassword: '' });
    expect(removed).toMatchObject({ hasImapPassword: false, imapConfigured: false });
    const audit = await t.database.db.execute<{ before: unknown; after: Record<string, unknown> }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'email_settings.updated' ORDER BY id`,
    );
    expect(audit.rows).toHaveLength(3);
    expect(JSON.stringify(audit.rows)).not.toContain('pass-1');
    expect(audit.rows[0]?.after).toMatchObject({
      smtpPasswordChanged: true,
      imapPasswordChanged: true,
      hasSmtpPassword: true,
    });
    expect(audit.rows[1]?.after).toMatchObject({ smtpPasswordChanged: false, fromName: '客服中心' });
    expect(audit.rows[2]?.after).toMatchObject({ imapPasswordChanged: true, hasImapPassword: false });
  });

  it('refuses a stale version (409), a bad sender address and a DKIM key that is not one (400)', async () => {
    const current = (await admin.get('/api/v1/email/settings')).json();
    const body = { ...current };
    for (const k of [
      'hasSmtpPassword',
      'hasImapPassword',
      'hasDkimKey',
      'smtpConfigured',
      'imapConfigured',
      'lastPolledAt',
      'lastPollError',
      'updatedAt',
    ])
      delete body[k];
    expect(
      (await admin.inject('PUT', '/api/v1/email/settings', { ...body, version: current.version - 1 })).statusCode,
    ).toBe(409);
    const badFrom = await admin.inject('PUT', '/api/v1/email/settings', { ...body, fromAddress: 'not an address' });
    expect(badFrom.statusCode).toBe(400);
    const badKey = await admin.inject('PUT', '/api/v1/email/settings', { ...body, dkimPrivateKey: 'not a key' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json()).toMatchObject({ code: 'email.dkim_key_invalid' });
  });

  it('sends a test mail now over SMTP (login, sender, DKIM signature) and answers the server reply', async () => {
    await saveSettings(admin, { dkimDomain: 'kefu.example.cn', dkimSelector: 'kefu2026', dkimPrivateKey: dkimKey });
    const r = await admin.post('/api/v1/email/settings/test', { to: 'liu@huaxin.example.cn' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, status: 250, error: null });
    expect(r.json().providerId).toMatch(/^<kefu\.test\.[0-9a-f-]+@kefu\.example\.cn>$/);
    const mail = await smtp.next(1);
    expect(mail.user).toBe('kefu@kefu.example.cn');
    expect(mail.to).toEqual(['liu@huaxin.example.cn']);
    expect(mail.parsed.from?.value[0]).toMatchObject({ address: 'service@kefu.example.cn', name: '客服中心' });
    expect(mail.parsed.subject).toBe('客服系统测试邮件');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const dkim = mail.raw.match(/^DKIM-Signature:[\s\S]*?(?=\r?\n\S)/m)?.[0] ?? '';
    expect(dkim).toContain('d=kefu.example.cn');
    expect(dkim).toContain('s=kefu2026');
    const audit = await t.database.db.execute<{ after: Record<string, unknown> }>(
      sql`SELECT after FROM audit_log WHERE action = 'email_settings.tested'`,
    );
    expect(audit.rows[0]?.after).toMatchObject({ to: 'liu@huaxin.example.cn', ok: true, status: 250 });
  });

  it('answers a refused login as a failed test with the server reply, not an error', async () => {
    await saveSettings(admin, { smtpPassword: 'wrong' });
    const r = await admin.post('/api/v1/email/settings/test', { to: 'liu@huaxin.example.cn' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ok: false, status: 535 });
    expect(r.json().error).toContain('EAUTH');
  });
});

import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';
import { DOVECOT_MISSING, dovecotAvailable, dovecotRequired, startDovecot } from '../../../test/dovecot.js';
import { createTestApp, type Session } from '../../../test/helpers.js';

/** A mail the local SMTP server received: the envelope, the raw message and its parse. */
export type ReceivedMail = { from: string; to: string[]; raw: string; parsed: ParsedMail; user: string | null };

/**
 * A local SMTP server (smtp-server, the receiving half of nodemailer's project) on 127.0.0.1 and a
 * free port: plain SMTP without STARTTLS, login optional (`users` are the accepted accounts).
 */
export async function startSmtpReceiver(users: Record<string, string> = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username && users[auth.username] === auth.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    async next(count: number, timeoutMs = 20_000) {
      for (const deadline = Date.now() + timeoutMs; received.length < count; ) {
        if (Date.now() > deadline) throw new Error(`the SMTP server received ${received.length} of ${count} mails`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return received[count - 1] as ReceivedMail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Puts a mail into the IMAP mailbox as a mail server's delivery would (IMAP APPEND). */
export async function appendMail(imap: { host: string; port: number; user: string; password: string }, raw: string) {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.append('INBOX', raw.replace(/\r?\n/g, '\r\n'));
  } finally {
    await client.logout();
  }
}

/** The flags of every mail in the mailbox, by UID. */
export async function mailboxFlags(imap: { host: string; port: number; user: string; password: string }) {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
  });
  await client.connect();
  const flags = new Map<number, string[]>();
  const lock = await client.getMailboxLock('INBOX');
  try {
    for await (const m of client.fetch('1:*', { uid: true, flags: true })) flags.set(m.uid, [...(m.flags ?? [])]);
  } finally {
    lock.release();
    await client.logout();
  }
  return flags;
}

export const EMPTY_SETTINGS = {
  smtpHost: '',
  smtpPort: 465,
  smtpSecure: true,
  smtpUser: '',
  fromAddress: '',
  fromName: '',
  dkimDomain: '',
  dkimSelector: '',
  imapHost: '',
  imapPort: 993,
  imapSecure: true,
  imapUser: '',
  imapMailbox: 'INBOX',
  pollingEnabled: false,
  inboundMaxBytes: 25 * 1024 * 1024,
};

/** Saves e-mail settings (the current ones with `changes` on top) as `admin`; answers the saved settings. */
export async function saveSettings(admin: Session, changes: Record<string, unknown>) {
  const current = (await admin.get('/api/v1/email/settings')).json();
  const body = { ...EMPTY_SETTINGS, version: current.version } as Record<string, unknown>;
  for (const key of Object.keys(EMPTY_SETTINGS)) body[key] = current[key];
  const r = await admin.inject('PUT', '/api/v1/email/settings', { ...body, ...changes });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export const IMAP_USER = 'kefu';
export const IMAP_PASSWORD = 'imap-secret-1';
/**
 * Without Dovecot the IMAP tests cannot run: CI must have it (they fail with how to install it),
 * a developer's machine may skip them.
 */
export const dovecotRunnable = dovecotAvailable() || dovecotRequired;

/** A mail as a mail server stores it (CRLF line ends are written by appendMail). */
export function mail(headers: Record<string, string>, body: string, contentType = 'text/plain; charset=utf-8') {
  const lines = Object.entries({
    Date: new Date().toUTCString(),
    'MIME-Version': '1.0',
    'Content-Type': contentType,
    ...headers,
  }).map(([k, v]) => `${k}: ${v}`);
  return `${lines.join('\n')}\n\n${body}\n`;
}

/**
 * The world of the e-mail round trip: a private Dovecot, a local SMTP server, an app running its
 * jobs, the customer 上海华信 (liu@huaxin.example.cn), e-mail settings pointing at both peers and the
 * e-mail channel without quiet hours (the reply leaves whatever the time of day the test runs).
 */
export async function emailWorld() {
  if (!dovecotAvailable()) throw new Error(DOVECOT_MISSING);
  const dovecot = await startDovecot({ [IMAP_USER]: IMAP_PASSWORD });
  const imap = { host: dovecot.host, port: dovecot.port, user: IMAP_USER, password: IMAP_PASSWORD };
  const smtp = await startSmtpReceiver();
  const t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } } });
  const admin = await t.signIn('admin');
  const c = await admin.post('/api/v1/customers', {
    kind: 'company',
    name: '上海华信医疗器械有限公司',
    email: 'liu@huaxin.example.cn',
  });
  expect(c.statusCode, c.body).toBe(201);
  await saveSettings(admin, {
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    smtpSecure: false,
    fromAddress: 'service@kefu.example.cn',
    fromName: '客服中心',
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapSecure: false,
    imapUser: IMAP_USER,
    imapPassword: IMAP_PASSWORD,
    inboundMaxBytes: 64 * 1024,
  });
  const channel = { enabled: true, ratePerMinute: 60, quietHours: [], maxAttempts: 8 };
  const r = await admin.inject('PUT', '/api/v1/notification-channels/email', channel);
  expect(r.statusCode, r.body).toBe(200);
  return {
    t,
    admin,
    dovecot,
    smtp,
    imap,
    customerId: c.json().id as string,
    async poll() {
      const polled = await admin.post('/api/v1/email/poll');
      expect(polled.statusCode, polled.body).toBe(200);
      return polled.json();
    },
    inbound: async (query = '') => (await admin.get(`/api/v1/email/inbound${query}`)).json().items,
    ticketCount: async () =>
      (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets`)).rows[0]?.n as number,
    async messagesOf(ticketId: string) {
      const m = (await admin.get(`/api/v1/tickets/${ticketId}/messages`)).json();
      return (Array.isArray(m) ? m : m.items) as { id: string; kind: string; body: string; channel: string }[];
    },
    async close() {
      await t.close();
      await smtp.close();
      await dovecot.stop();
    },
  };
}
export type EmailWorld = Awaited<ReturnType<typeof emailWorld>>;

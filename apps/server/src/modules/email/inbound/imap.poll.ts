import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { findByMessageId } from '../messages.repository.js';
import { normaliseMessageId } from '../outbound/threading.headers.js';
import { missingImap } from '../settings.config.js';
import { type EmailSettingsRow, readSettings, recordPoll } from '../settings.repository.js';
import { MAX_ATTEMPTS, messageIdOf, processMail, recordUnprocessed } from './inbound.service.js';

/** Mails read in one poll at most (the next poll, a minute later, reads on). */
const BATCH = 50;
const TIMEOUT_MS = 20_000;

export type PollCounts = {
  fetched: number;
  created: number;
  threaded: number;
  ignored: number;
  skipped: number;
  failed: number;
  duplicate: number;
};

const empty = (): PollCounts => ({
  fetched: 0,
  created: 0,
  threaded: 0,
  ignored: 0,
  skipped: 0,
  failed: 0,
  duplicate: 0,
});

function client(settings: EmailSettingsRow) {
  return new ImapFlow({
    host: settings.imapHost,
    port: settings.imapPort,
    secure: settings.imapSecure,
    auth: { user: settings.imapUser, pass: settings.imapPassword ?? '' },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 3,
    disableAutoIdle: true,
  });
}

const reasonOf = (error: unknown) => {
  const e = error as { responseText?: string; message?: string; code?: string };
  return [e.code, e.responseText ?? e.message].filter(Boolean).join(': ').slice(0, 500) || 'unknown error';
};

/**
 * Reads the mailbox once: the mails after the last UID read (within the mailbox's UIDVALIDITY;
 * a new UIDVALIDITY reads it again from the start — Message-IDs already recorded are not taken
 * twice), at most `BATCH`, oldest first. A mail over the size limit is skipped by its IMAP size,
 * never downloaded; the others are parsed (mailparser: any charset, GBK / GB2312 / Big5 included)
 * and processed one transaction each (`processMail`). Processed mails are flagged \Seen and the
 * UID moves on; a mail that failed stops the batch there and is tried again next time, up to
 * `MAX_ATTEMPTS`, then skipped.
 */
async function pollOnce(deps: Deps): Promise<PollCounts> {
  const settings = await readSettings(deps.database.db);
  const missing = missingImap(settings);
  if (missing.length > 0) {
    throw new AppError('email.not_configured', 400, {
      params: { missing: missing.join(', ') },
      fields: missing.map((path) => ({ path, message: 'required' })),
    });
  }
  const counts = empty();
  const imap = client(settings);
  imap.on('error', () => undefined);
  let lastUid = settings.imapLastUid;
  let uidValidity: number | null = settings.imapUidValidity;
  try {
    await imap.connect();
    const lock = await imap.getMailboxLock(settings.imapMailbox);
    try {
      const mailbox = imap.mailbox;
      const validity = mailbox ? Number(mailbox.uidValidity) : null;
      if (validity !== uidValidity) {
        uidValidity = validity;
        lastUid = 0;
      }
      const found = (await imap.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      const uids = found
        .filter((uid) => uid > lastUid)
        .sort((a, b) => a - b)
        .slice(0, BATCH);
      const sizes = new Map<
        number,
        { size: number; messageId: string | null; subject: string | null; from: string | null }
      >();
      if (uids.length > 0) {
        for await (const m of imap.fetch(uids.join(','), { uid: true, size: true, envelope: true }, { uid: true })) {
          sizes.set(m.uid, {
            size: m.size ?? 0,
            messageId: m.envelope?.messageId ?? null,
            subject: m.envelope?.subject ?? null,
            from: m.envelope?.from?.[0]?.address ?? null,
          });
        }
      }
      for (const uid of uids) {
        const info = sizes.get(uid);
        if (!info) continue;
        counts.fetched += 1;
        const meta = { uid, size: info.size, ownAddress: settings.fromAddress || null };
        if (info.size > settings.inboundMaxBytes) {
          const messageId = info.messageId
            ? normaliseMessageId(info.messageId)
            : `<uid.${validity}.${uid}@kefu.missing-id>`;
          const recorded = await recordUnprocessed(deps, {
            ...meta,
            messageId,
            outcome: 'skipped',
            reason: `too_large:${info.size}>${settings.inboundMaxBytes}`,
            subject: info.subject,
            fromAddress: info.from,
          });
          counts[recorded ? 'skipped' : 'duplicate'] += 1;
        } else {
          const message = await imap.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
          const source = message ? (message.source ?? null) : null;
          if (!source) continue;
          let messageId = info.messageId ? normaliseMessageId(info.messageId) : null;
          try {
            const parsed = await simpleParser(source, { skipImageLinks: true, maxHtmlLengthToParse: 2 * 1024 * 1024 });
            messageId = messageIdOf(parsed, source);
            const result = await processMail(deps, parsed, source, meta);
            counts[result.outcome] += 1;
          } catch (error) {
            const id = messageId ?? `<uid.${validity}.${uid}@kefu.missing-id>`;
            const before = await findByMessageId(deps.database.db, id);
            const attempts = (before?.outcome === 'failed' ? before.attempts : 0) + 1;
            const giveUp = attempts >= MAX_ATTEMPTS;
            await recordUnprocessed(deps, {
              ...meta,
              messageId: id,
              outcome: giveUp ? 'skipped' : 'failed',
              reason: `${giveUp ? 'gave_up: ' : ''}${reasonOf(error)}`,
              subject: info.subject,
              fromAddress: info.from,
            });
            if (!giveUp) {
              counts.failed += 1;
              break;
            }
            counts.skipped += 1;
          }
        }
        await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        lastUid = uid;
        await recordPoll(deps.database.db, { imapUidValidity: uidValidity, imapLastUid: lastUid });
      }
    } finally {
      lock.release();
    }
    await imap.logout().catch(() => undefined);
    await recordPoll(deps.database.db, { lastPolledAt: new Date(), lastPollError: null });
    return counts;
  } catch (error) {
    imap.close();
    const reason = reasonOf(error);
    await recordPoll(deps.database.db, {
      imapUidValidity: uidValidity,
      imapLastUid: lastUid,
      lastPolledAt: new Date(),
      lastPollError: reason,
    });
    if (error instanceof AppError) throw error;
    throw new AppError('email.imap_failed', 502, { params: { reason } });
  }
}

let running: Promise<PollCounts> | null = null;

/** Polls the mailbox; a poll already running in this process is joined rather than run twice. */
export function pollMailbox(deps: Deps): Promise<PollCounts> {
  if (!running) running = pollOnce(deps).finally(() => (running = null));
  return running;
}

import { DEFAULT_LOCALE, type Locale } from '@kefu/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import type { DeliveryChannel, DeliveryResult, OutboundMessage } from '../../../lib/channel-adapter.js';
import type { Deps } from '../../../lib/deps.js';
import { findActiveUserLocales, usersWithPermissionSql } from '../../users/index.js';
import { notifiedSince } from '../inbox/inbox.repository.js';
import type { NotificationStatus } from '../notifications.tables.js';
import { channelSettings } from '../preferences/channel-settings.js';
import { customerPreferences } from '../preferences/preferences.repository.js';
import * as repo from './delivery.repository.js';
import { queueNotifications } from './queue.service.js';
import { quietUntil } from './quiet-hours.js';

export const DELIVER_JOB = 'notifications.deliver';
export const SEND_TIMEOUT_MS = 20_000;
const LOG_LIMIT = 8 * 1024;
const BACKOFF_BASE_S = 30;
const BACKOFF_MAX_S = 3600;
/** A disabled channel or a missing adapter: look again after this long. */
const PAUSED_RETRY_MS = 5 * 60_000;
/** A job that runs a little before its row's time (clock skew) still delivers it. */
const EARLY_TOLERANCE_MS = 2000;

/** Sends the delivery job of a row in `tx` (none while the job runner is stopped: the sweep sends it later). */
export async function scheduleDelivery(tx: Tx, deps: Deps, id: string, at: Date | null): Promise<void> {
  if (!deps.jobs.started) return;
  await deps.jobs.send(DELIVER_JOB, { notificationId: id }, { tx, ...(at ? { startAfter: at } : {}) });
}

export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_BASE_S * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_S);
}

export function clip(text: string | undefined | null): string | null {
  if (text === undefined || text === null) return null;
  if (Buffer.byteLength(text, 'utf8') <= LOG_LIMIT) return text;
  return `${Buffer.from(text, 'utf8')
    .subarray(0, LOG_LIMIT - 3)
    .toString('utf8')}…`;
}

/** How long a claimed message stays `sending` before the sweep treats the try as interrupted. */
export const CLAIM_MS = SEND_TIMEOUT_MS + 60_000;

/**
 * Calls the channel's adapter outside any transaction (a slow mail server or robot must not hold a
 * database connection — on PGlite the only one), with a time limit.
 */
async function callAdapter(deps: Deps, message: OutboundMessage): Promise<DeliveryResult & { ms: number }> {
  const started = Date.now();
  const adapter = deps.channels.get(message.channel);
  if (!adapter) {
    return { ok: false, status: null, retryable: true, error: `No adapter for channel ${message.channel}`, ms: 0 };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DeliveryResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, status: null, retryable: true, error: `Timed out after ${SEND_TIMEOUT_MS / 1000} s` }),
      SEND_TIMEOUT_MS,
    );
  });
  try {
    const result = await Promise.race([adapter.send(deps, message), timeout]);
    return { ...result, ms: Date.now() - started };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, status: null, retryable: true, error: text, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export type DeliveryOutcome = {
  status: NotificationStatus | 'skipped' | 'deferred';
  result?: DeliveryResult;
};

/** A message this run took to send: it is `sending` until the outcome is recorded. */
export type Claim = { row: repo.NotificationRow; message: OutboundMessage; maxAttempts: number; retry: boolean };

/**
 * Takes the locked row for one try: `sending`, with `next_attempt_at` as the claim's expiry (a run
 * that dies while sending leaves it to the sweep, which sends the job again after the expiry).
 */
export async function claimRow(
  tx: Tx,
  row: repo.NotificationRow,
  now: Date,
  options: { maxAttempts: number; retry: boolean },
): Promise<Claim> {
  const channel = row.channel as DeliveryChannel;
  const number = (await repo.attemptCount(tx, row.id)) + 1;
  await repo.updateNotification(tx, row.id, { status: 'sending', nextAttemptAt: new Date(now.getTime() + CLAIM_MS) });
  const message: OutboundMessage = {
    id: row.id,
    channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    locale: (row.locale ?? DEFAULT_LOCALE) as Locale,
    topic: row.topic,
    headers: row.headers ?? null,
    attempt: number,
  };
  return { row, message, ...options };
}

/** Sends a claimed message (outside any transaction). */
export const sendClaimed = (deps: Deps, claim: Claim) => callAdapter(deps, claim.message);

/**
 * Records a try's outcome: the attempt logged, the row's status set (sent; later for a rate
 * limit; failed with a back-off while retries are left; else dead). The row is locked again; if
 * this run's claim expired and another run took the message meanwhile, only the attempt is logged.
 */
export async function recordOutcome(
  tx: Tx,
  deps: Deps,
  claim: Claim,
  result: DeliveryResult & { ms: number },
  now = new Date(),
): Promise<DeliveryOutcome> {
  const { message, options } = { message: claim.message, options: claim };
  const at = new Date();
  await repo.insertAttempt(tx, {
    notificationId: message.id,
    channel: message.channel,
    attempt: message.attempt,
    at,
    ok: result.ok,
    status: result.status,
    request: clip(result.request),
    response: clip(result.response),
    error: clip(result.error ?? (result.providerId ? null : undefined)),
    durationMs: result.ms,
  });
  const row = await repo.lockNotification(tx, message.id);
  if (row?.status !== 'sending' || row.attempts !== claim.row.attempts) return { status: 'skipped', result };
  if (result.ok) {
    await repo.updateNotification(tx, row.id, {
      status: 'sent',
      sentAt: at,
      attempts: row.attempts + 1,
      nextAttemptAt: null,
      lastError: null,
    });
    return { status: 'sent', result };
  }
  const error = clip(result.error ?? `Failed (${result.status ?? 'no answer'})`);
  if (options.retry && result.retryAfterSeconds !== undefined && result.retryAfterSeconds > 0) {
    const next = new Date(now.getTime() + result.retryAfterSeconds * 1000);
    await repo.updateNotification(tx, row.id, { status: 'queued', nextAttemptAt: next, lastError: error });
    await scheduleDelivery(tx, deps, row.id, next);
    return { status: 'deferred', result };
  }
  const attempts = row.attempts + 1;
  if (options.retry && result.retryable && attempts < options.maxAttempts) {
    const next = new Date(now.getTime() + backoffSeconds(attempts) * 1000);
    await repo.updateNotification(tx, row.id, { status: 'failed', attempts, nextAttemptAt: next, lastError: error });
    await scheduleDelivery(tx, deps, row.id, next);
    return { status: 'failed', result };
  }
  await repo.updateNotification(tx, row.id, { status: 'dead', attempts, nextAttemptAt: null, lastError: error });
  if (options.retry) await announceDeadLetter(tx, now);
  return { status: 'dead', result };
}

/** What a claimed try that never recorded its outcome (its process stopped while sending) leaves in the log. */
const INTERRUPTED: DeliveryResult & { ms: number } = {
  ok: false,
  status: null,
  retryable: true,
  error: 'Interrupted: the sending process stopped before the answer was recorded; the message may have arrived.',
  ms: 0,
};

type Decision = { outcome: DeliveryOutcome } | { claim: Claim };

/**
 * Decides, in a short transaction with the row locked, whether the message goes now: not when it
 * is no longer waiting (exactly once: another run sent it or holds it), its channel is disabled,
 * the channel's rate limit is reached or the customer's quiet hours are on (the job is sent again
 * for then), or the customer opted out (suppressed). A claim left by a run that died is closed as
 * an interrupted attempt first.
 */
async function decide(tx: Tx, deps: Deps, id: string, now: Date): Promise<Decision> {
  let row = await repo.lockNotification(tx, id);
  if (row?.status === 'sending' && row.nextAttemptAt && row.nextAttemptAt.getTime() <= now.getTime()) {
    const stale = await claimRow(tx, row, now, { maxAttempts: 1, retry: true });
    const settings = await channelSettings(tx, row.channel as DeliveryChannel);
    await recordOutcome(tx, deps, { ...stale, maxAttempts: settings.maxAttempts }, INTERRUPTED, now);
    row = await repo.lockNotification(tx, id);
  }
  if (!row || row.channel === 'in_app' || (row.status !== 'queued' && row.status !== 'failed')) {
    return { outcome: { status: 'skipped' } };
  }
  if (row.nextAttemptAt && row.nextAttemptAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
    return { outcome: { status: 'skipped' } }; // another job is due for it later
  }
  const channel = row.channel as DeliveryChannel;
  const settings = await channelSettings(tx, channel);
  const current = row;
  const later = async (at: Date, why: string | null): Promise<Decision> => {
    await repo.updateNotification(tx, current.id, { nextAttemptAt: at, ...(why ? { lastError: why } : {}) });
    await scheduleDelivery(tx, deps, current.id, at);
    return { outcome: { status: 'deferred' } };
  };
  // A disabled channel, or one no module speaks yet: the message waits (queued) and is looked at again.
  if (!settings.enabled || !deps.channels.has(channel)) return later(new Date(now.getTime() + PAUSED_RETRY_MS), null);
  if (row.customerId) {
    const pref = (await customerPreferences(tx, [row.customerId])).get(row.customerId);
    if (pref?.optedOut) {
      await repo.updateNotification(tx, row.id, { status: 'suppressed', nextAttemptAt: null });
      return { outcome: { status: 'suppressed' } };
    }
    const quiet = quietUntil(now, settings.quietHours, deps.config.timezone);
    if (quiet) return later(quiet, null);
  }
  const window = await repo.okAttemptsSince(tx, channel, new Date(now.getTime() - 60_000));
  if (window.count >= settings.ratePerMinute) {
    const free = window.oldest ? window.oldest.getTime() + 60_000 : now.getTime() + 1000;
    return later(new Date(Math.max(free, now.getTime() + 1000)), null);
  }
  return { claim: await claimRow(tx, row, now, { maxAttempts: settings.maxAttempts, retry: true }) };
}

/**
 * The `notifications.deliver` job's work for one message, exactly once per message: decided and
 * claimed in one short transaction, sent outside any, the outcome recorded in another.
 */
export async function deliverNotification(deps: Deps, id: string, now = new Date()): Promise<DeliveryOutcome> {
  const decided = await deps.database.db.transaction((tx) => decide(tx, deps, id, now));
  if ('outcome' in decided) return decided.outcome;
  const result = await sendClaimed(deps, decided.claim);
  return deps.database.db.transaction((tx) => recordOutcome(tx, deps, decided.claim, result, now));
}

const DEAD_LETTER_REF = 'notifications:dead_letter';

/** Tells the holders of notifications.manage that a message gave up, at most once an hour. */
async function announceDeadLetter(tx: DbOrTx, now: Date): Promise<void> {
  if (await notifiedSince(tx, DEAD_LETTER_REF, new Date(now.getTime() - 3600_000))) return;
  const holders = await tx.execute<{ id: string }>(
    sql`SELECT m.id FROM ${usersWithPermissionSql('notifications.manage')} m WHERE m.is_active`,
  );
  const managers = await findActiveUserLocales(
    tx,
    holders.rows.map((r) => r.id),
  );
  if (managers.length === 0) return;
  await queueNotifications(
    tx,
    managers.map((u) => ({
      channel: 'in_app' as const,
      recipient: u.id,
      topic: 'notifications.dead_letter' as const,
      locale: u.locale as Locale,
      ref: DEAD_LETTER_REF,
      content: {
        subject: { key: 'notice.dead_letter.subject' as const, params: {} },
        body: { key: 'notice.dead_letter.body' as const, params: {} },
      },
    })),
  );
}

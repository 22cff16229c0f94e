import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { OutboundError, type OutboundResolver, postOutbound } from '../../lib/outbound-http.js';
import { queueNotification } from '../notifications/index.js';
import * as queue from './delivery-queue.repository.js';
import { retryDelaySeconds, webhookSettings } from './webhooks.settings.js';
import { signedHeaders, signingSecrets } from './webhooks.signature.js';

type Recorded = 'delivered' | 'retry' | 'disabled' | 'lost';

/** Messages read per query of a subscription's queue (a rotated secret or new URL applies from the next read). */
const BATCH = 25;

/** Tests only: how names are resolved (a name pointed at 10.x offline). */
export const outboundTesting: { resolve?: OutboundResolver } = {};

/** Sends one signed message now; never throws (a refused target or network error is an outcome). */
export async function sendSigned(
  deps: Deps,
  target: { url: string; secret: string; previousSecret: string | null; secretRotatedAt: Date | null },
  messageId: string,
  body: string,
): Promise<queue.AttemptOutcome> {
  const started = performance.now();
  const settings = webhookSettings(deps.config);
  try {
    const headers = signedHeaders(signingSecrets(target), messageId, new Date(), body);
    const answer = await postOutbound(target.url, body, {
      headers,
      timeoutMs: settings.timeoutMs,
      allowPrivate: deps.config.outbound.allowPrivate,
      ...(outboundTesting.resolve ? { resolve: outboundTesting.resolve } : {}),
    });
    const ok = answer.status >= 200 && answer.status < 300;
    return {
      ok,
      status: answer.status,
      response: answer.body,
      error: ok ? null : `HTTP ${answer.status}`,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    const message =
      error instanceof AppError
        ? `${error.code} ${JSON.stringify(error.params)}`
        : error instanceof OutboundError
          ? error.message
          : String(error);
    return { ok: false, status: null, response: null, error: message, durationMs: performance.now() - started };
  }
}

/**
 * Delivers every subscription's queue, in order, each message once. One loop per instance claims
 * subscriptions whose queue head is due (up to `concurrency` at a time) and sends their messages
 * one after another; a failing head waits its back-off and holds the rest back (head of line).
 *
 * Why a lease on the subscription row and not a pg-boss job or a lock held during the request: a
 * lease lets the HTTP call run outside any transaction (no pooled connection — or PGlite's single
 * one — held for up to `timeoutMs`), yet only the lease holder sends and records: every write
 * re-checks the lease in the same statement that renews it. Two instances never send the same
 * message; a graceful stop finishes the request in flight and releases the lease; after a crash
 * the lease expires (`leaseMs`) and another instance resumes the queue at its head — the one
 * message whose answer was not recorded is sent again with the same `webhook-id`, which is what
 * Standard Webhooks receivers deduplicate on.
 */
export class WebhookDeliverer {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private woken = false;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly active = new Map<string, Promise<void>>();
  private readonly instance = randomUUID();

  constructor(
    private readonly deps: Deps,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.deps.database.listen(queue.WEBHOOKS_CHANNEL, () => this.nudge());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.unlisten?.();
    await this.loop?.catch(() => {});
    await Promise.allSettled([...this.active.values()]);
  }

  nudge(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    const { pollingIntervalMs } = webhookSettings(this.deps.config);
    while (!this.stopping) {
      try {
        await this.fill();
      } catch (error) {
        this.log.warn({ err: error }, 'webhook claim failed');
      }
      await this.sleep(pollingIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = undefined;
        self.woken = false;
        resolve();
      }
      this.wake = done;
    });
  }

  /** Claims subscriptions while there is room. */
  private async fill(): Promise<void> {
    const { concurrency, leaseMs } = webhookSettings(this.deps.config);
    while (!this.stopping && this.active.size < concurrency) {
      const token = `${this.instance}:${randomUUID()}`;
      const id = await queue.claimSubscription(this.deps.database.db, token, leaseMs, [...this.active.keys()]);
      if (!id) return;
      const work = this.work(id, token)
        .catch((error) => this.log.warn({ err: error, subscriptionId: id }, 'webhook delivery failed'))
        .finally(() => {
          this.active.delete(id);
          this.nudge();
        });
      this.active.set(id, work);
    }
  }

  /**
   * Sends the subscription's due messages in order until its queue is empty, not due or failing.
   * The answer of message k is recorded while message k+1 is sent (records stay in order, and a
   * batch is read only once the previous one is recorded); should a record fail, the messages
   * from it on are sent again later, in order, with their `webhook-id` — as after a crash.
   */
  private async work(subscriptionId: string, token: string): Promise<void> {
    const { db } = this.deps.database;
    let recording: Promise<Recorded> = Promise.resolve('delivered');
    try {
      while (!this.stopping) {
        if ((await recording) !== 'delivered') return;
        const heads = await queue.queueHeads(db, subscriptionId, BATCH);
        if (heads.length === 0) return;
        for (const head of heads) {
          if (this.stopping || !head.due || !head.enabled || head.leaseOwner !== token) return;
          const outcome = await sendSigned(this.deps, head, head.id, head.body);
          if ((await recording) !== 'delivered') return;
          recording = this.record(head, token, outcome);
          if (!outcome.ok) return;
        }
      }
    } finally {
      await recording.catch((error) =>
        this.log.warn({ err: error, subscriptionId }, 'webhook delivery could not be recorded'),
      );
      await queue.releaseLease(db, subscriptionId, token).catch(() => {});
    }
  }

  private async record(head: queue.QueueHead, token: string, outcome: queue.AttemptOutcome): Promise<Recorded> {
    const settings = webhookSettings(this.deps.config);
    const { db } = this.deps.database;
    if (outcome.ok) {
      const held = await queue.recordDelivered(db, head, token, settings.leaseMs, outcome);
      return held ? ('delivered' as const) : ('lost' as const);
    }
    return db.transaction(async (tx) => {
      if (!(await queue.holdsLease(tx, head.subscriptionId, token, settings.leaseMs))) return 'lost' as const;
      await queue.setFailures(tx, head.subscriptionId, 'increment');
      const delay = retryDelaySeconds(settings, head.attempts + 1);
      if (delay !== null) {
        await queue.recordAttempt(tx, head, outcome, { status: 'pending', retryInMs: delay * 1000 });
        return 'retry' as const;
      }
      await queue.recordAttempt(tx, head, outcome, { status: 'failed', retryInMs: 0 });
      const attempts = head.attempts + 1;
      const error = outcome.error ?? `HTTP ${outcome.status}`;
      await queue.disableSubscription(tx, head.subscriptionId, `${attempts} attempts failed: ${error}`);
      const params = { url: head.url, attempts, eventType: head.eventType, error };
      const notice = {
        channel: 'in_app' as const,
        topic: 'webhooks.disabled' as const,
        recipient: head.ownerId,
        userId: head.ownerId,
        content: {
          subject: { key: 'notice.webhooks.disabled.subject' as const, params },
          body: { key: 'notice.webhooks.disabled.body' as const, params },
        },
        ref: `webhook:${head.subscriptionId}`,
      };
      await queueNotification(tx, notice);
      this.log.warn({ subscriptionId: head.subscriptionId, attempts }, 'webhook subscription disabled');
      return 'disabled' as const;
    });
  }
}

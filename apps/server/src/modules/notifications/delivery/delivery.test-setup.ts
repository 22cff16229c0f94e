import { sql } from 'drizzle-orm';
import type { ChannelAdapter, DeliveryChannel, DeliveryResult, OutboundMessage } from '../../../lib/channel-adapter.js';

/**
 * A delivery adapter for tests: a real adapter (the job calls it through `deps.channels`) that
 * records every message and answers from a script (then OK). `delayMs` keeps a send in flight.
 */
export class RecordingAdapter implements ChannelAdapter {
  readonly sent: OutboundMessage[] = [];
  script: DeliveryResult[] = [];
  delayMs = 0;
  /** When set, a send waits for it (the test opens it): a peer that is slow for as long as the test likes. */
  gate: Promise<void> | undefined;
  /** Sends begun and not finished. */
  inFlight = 0;

  constructor(readonly channel: DeliveryChannel) {}

  async send(_deps: unknown, message: OutboundMessage): Promise<DeliveryResult> {
    this.inFlight += 1;
    try {
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (this.gate) await this.gate;
    } finally {
      this.inFlight -= 1;
    }
    this.sent.push(message);
    const next = this.script.shift();
    return next ?? { ok: true, status: 250, request: `to ${message.recipient}`, response: '250 OK', retryable: false };
  }

  to(recipient: string): OutboundMessage[] {
    return this.sent.filter((m) => m.recipient === recipient);
  }
}

export const FAIL: DeliveryResult = { ok: false, status: 503, response: 'busy', error: 'HTTP 503', retryable: true };

export type StoredRow = {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  subject: string;
  body: string;
  channel: string;
  recipient: string;
};

export const rowSql = (id: string) =>
  sql`SELECT id, status, attempts, next_attempt_at::text, last_error, subject, body, channel, recipient FROM notifications WHERE id = ${id}`;

import type { Locale } from '@kefu/shared';
import type { Deps } from './deps.js';

/**
 * The channels a notification can be delivered by. `in_app` is delivered by being stored; every
 * other channel has exactly one adapter, brought by the module that speaks its protocol
 * (`email` → modules/email, `sms` → modules/sms, `robot` → modules/robots) through its manifest's
 * `channels`. For `robot`, the recipient is the robot's id.
 */
export const CHANNELS = ['in_app', 'email', 'sms', 'robot'] as const;
export type Channel = (typeof CHANNELS)[number];
export type DeliveryChannel = Exclude<Channel, 'in_app'>;

/** One message as the delivery job hands it to an adapter (already rendered and addressed). */
export type OutboundMessage = {
  id: string;
  channel: DeliveryChannel;
  /** An e-mail address, a mobile number, or a robot's id. */
  recipient: string;
  subject: string;
  body: string;
  /** The recipient's language (what the text was rendered in). */
  locale: Locale;
  /** What kind of message it is (`sla.escalated`, `ticket.reply`, …): a notification topic. */
  topic: string;
  /** Channel-specific extras: e-mail threading (`messageId`, `inReplyTo`, `references`), SMS template code and params. */
  headers: Record<string, unknown> | null;
  /** 1 for the first try. */
  attempt: number;
};

/**
 * What an adapter answers; it never throws for a refusal by the other side, only reports it. The
 * request and response are what the delivery log shows (bounded and with secrets left out by the
 * adapter).
 */
export type DeliveryResult = {
  ok: boolean;
  /** The peer's status: an HTTP status, an SMTP reply code; null when it was never reached. */
  status: number | null;
  request?: string;
  response?: string;
  /** Why it failed, in words an administrator reads (including the vendor's error code). */
  error?: string;
  /** Worth trying again later (network error, 5xx, rate limited); false: a permanent refusal. */
  retryable: boolean;
  /** The peer asked to wait (rate limit): try again after this many seconds, not counted as a failure. */
  retryAfterSeconds?: number;
  /** The provider's id of the message (SMTP message id, SMS BizId), for the log. */
  providerId?: string;
};

export type ChannelAdapter = {
  channel: DeliveryChannel;
  send(deps: Deps, message: OutboundMessage): Promise<DeliveryResult>;
};

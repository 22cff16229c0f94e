import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/), through the specification's
 * own library (`standardwebhooks`): `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">` keyed by the base64-decoded part of a `whsec_`
 * secret. Several signatures are separated by spaces (a rotation: old and new secret both sign).
 */
export const SECRET_PREFIX = 'whsec_';
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A new secret: `whsec_` + 32 random bytes in base64. */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether a given secret is usable: `whsec_` + base64 of 24 to 64 bytes. */
export function isValidSecret(secret: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const body = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(body) || body.length % 4 !== 0) return false;
  const bytes = Buffer.from(body, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

/** The `webhook-signature` value: one `v1,…` per secret, space-separated. */
export function signatureHeader(secrets: readonly string[], messageId: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ');
}

/** The three headers of a signed message sent at `at`. */
export function signedHeaders(
  secrets: readonly string[],
  messageId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatureHeader(secrets, messageId, at, body),
  };
}

/**
 * The secrets that sign now: the current one, and the previous one while the rotation overlap
 * lasts.
 */
export function signingSecrets(sub: {
  secret: string;
  previousSecret: string | null;
  secretRotatedAt: Date | null;
}): string[] {
  const overlap =
    sub.previousSecret && sub.secretRotatedAt && Date.now() - sub.secretRotatedAt.getTime() < ROTATION_OVERLAP_MS;
  return overlap && sub.previousSecret ? [sub.secret, sub.previousSecret] : [sub.secret];
}

/**
 * Verifies a received message (5-minute tolerance either way, any of the listed signatures):
 * `true` when it holds, `false` for a wrong, missing or stale signature.
 */
export function verifySignature(secret: string, body: string, headers: Record<string, string | undefined>): boolean {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (typeof value === 'string') present[key] = value;
  try {
    new Webhook(secret).verify(body, present, { jsonParse: false });
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

import type { MessageKey } from '@kefu/shared';
import type { RobotFormat, RobotKind } from '../robots.tables.js';

/** A robot as the vendors need it. */
export type RobotTarget = {
  kind: RobotKind;
  url: string;
  secret: string | null;
  format: RobotFormat;
  mentionMobiles: readonly string[];
};

/** What to say: a title, markdown text (headings, bold, links) and an optional link with its label. */
export type RobotMessage = {
  title: string;
  markdown: string;
  link: string | null;
  linkLabel: string;
};

/** The HTTP request a vendor wants: where, what; `logUrl` is the URL with its key/token/signature masked. */
export type VendorRequest = { url: string; body: string; logUrl: string };

/** How a vendor's answer reads. */
export type VendorVerdict =
  | { ok: true }
  | {
      ok: false;
      /** The vendor's error code (errcode / code), or the HTTP status when the body had none. */
      code: string;
      message: string;
      /** `rate_limited`: wait `retryAfterSeconds`; `temporary`: try again with back-off; `refused`: permanent. */
      kind: 'rate_limited' | 'temporary' | 'refused';
      retryAfterSeconds?: number;
      /** A message-catalog hint shown after the error (e.g. check the signing secret). */
      hint?: MessageKey;
    };

export type Vendor = {
  build(target: RobotTarget, message: RobotMessage, now: Date): VendorRequest;
  judge(status: number, body: string): VendorVerdict;
};

/** Query parameters whose values are secrets (WeCom key, DingTalk access token and signature). */
const SECRET_PARAMS = new Set(['key', 'access_token', 'sign']);

/** The URL for the delivery log: secret query values masked. */
export function maskUrl(url: string, maskLastPathSegment = false): string {
  try {
    const u = new URL(url);
    for (const name of [...u.searchParams.keys()]) {
      if (SECRET_PARAMS.has(name.toLowerCase())) u.searchParams.set(name, '***');
    }
    if (maskLastPathSegment) u.pathname = u.pathname.replace(/\/[^/]+\/?$/, '/***');
    return u.toString().replace(/%2A%2A%2A/g, '***');
  } catch {
    return '***';
  }
}

/** A JSON answer's fields, or null when the body is not a JSON object. */
export function parseAnswer(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A non-2xx answer without a vendor code: 429 rate limited, 5xx temporary, else refused. */
export function httpVerdict(status: number, body: string, rateLimitSeconds: number): VendorVerdict {
  const message = body.trim().slice(0, 200) || `HTTP ${status}`;
  if (status === 429)
    return { ok: false, code: String(status), message, kind: 'rate_limited', retryAfterSeconds: rateLimitSeconds };
  if (status >= 500 || status === 408) return { ok: false, code: String(status), message, kind: 'temporary' };
  return { ok: false, code: String(status), message, kind: 'refused' };
}

/** How an `{ errcode, errmsg }` answer (WeCom, DingTalk) is read: the codes each vendor documents. */
export type ErrcodeRules = {
  rateLimited: ReadonlySet<number>;
  rateLimitSeconds: number;
  busy: ReadonlySet<number>;
  /** A catalog hint for one refusal code (e.g. a wrong key or a refused signature). */
  hints?: Readonly<Record<number, MessageKey>>;
};

/**
 * The verdict on a `{ errcode, errmsg }` answer: 0 sent, a rate-limit code waits, a busy code retries,
 * anything else is refused; a 2xx without such a body is refused, other statuses as httpVerdict.
 */
export function errcodeVerdict(status: number, body: string, rules: ErrcodeRules): VendorVerdict {
  const answer = parseAnswer(body);
  if (answer && typeof answer.errcode === 'number') {
    const code = answer.errcode;
    const message = String(answer.errmsg ?? '');
    if (code === 0) return { ok: true };
    if (rules.rateLimited.has(code))
      return {
        ok: false,
        code: String(code),
        message,
        kind: 'rate_limited',
        retryAfterSeconds: rules.rateLimitSeconds,
      };
    if (rules.busy.has(code)) return { ok: false, code: String(code), message, kind: 'temporary' };
    const hint = rules.hints?.[code];
    return { ok: false, code: String(code), message, kind: 'refused', ...(hint ? { hint } : {}) };
  }
  if (status >= 200 && status < 300)
    return { ok: false, code: String(status), message: body.slice(0, 200), kind: 'refused' };
  return httpVerdict(status, body, 60);
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Alibaba Cloud's request signature V3 (`ACS3-HMAC-SHA256`), as its documentation "V3 request
 * structure and signature" (V3版本请求体&签名机制) describes it — the current signature of every
 * Alibaba Cloud OpenAPI, SMS included (the older RPC HMAC-SHA1 "V2" is deprecated there):
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedRequestPayload
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(hmac-sha256(AccessKeySecret, StringToSign))
 *   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<SignedHeaders>,Signature=<Signature>
 *
 * CanonicalURI is `/` for RPC-style APIs (SendSms is one); names and values are percent-encoded per
 * RFC 3986 (unreserved `A–Z a–z 0–9 - _ . ~` kept, space → `%20`, `*` → `%2A`); query parameters
 * sorted by name; canonical headers = every `x-acs-*`, `host` and `content-type` header, lower-case
 * name, trimmed value, sorted, each line ending in `\n`. Used by the adapter to sign and by the test
 * peer (test/sms-peer.ts) to verify.
 */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 percent-encoding of UTF-8 (encodeURIComponent leaves `!'()*` alone; the signature does not). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Parameters sorted by name, `name=value` percent-encoded, joined by `&` (empty: the empty string). */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort(byName)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/** Whether a request header takes part in the signature: `x-acs-*`, `host`, `content-type`. */
export const isSignedHeader = (name: string) => {
  const lower = name.toLowerCase();
  return lower.startsWith('x-acs-') || lower === 'host' || lower === 'content-type';
};

/** CanonicalHeaders and SignedHeaders of the headers that take part (Authorization never does). */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { canonical: string; signed: string } {
  const entries = Object.entries(headers)
    .filter(([name]) => isSignedHeader(name))
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => byName(a, b));
  return {
    canonical: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signed: entries.map(([name]) => name).join(';'),
  };
}

export type CanonicalInput = {
  method: string;
  /** The resource path; `/` for RPC-style APIs. */
  path: string;
  query: Readonly<Record<string, string>>;
  /** The headers to sign (names in any case); `x-acs-content-sha256` must be among them. */
  headers: Readonly<Record<string, string>>;
  hashedPayload: string;
};

export function canonicalRequest(input: CanonicalInput): string {
  const { canonical, signed } = canonicalHeaders(input.headers);
  const uri = input.path.split('/').map(percentEncode).join('/') || '/';
  return [
    input.method.toUpperCase(),
    uri,
    canonicalQueryString(input.query),
    canonical,
    signed,
    input.hashedPayload,
  ].join('\n');
}

export const stringToSign = (canonical: string) => `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;

export const signature = (accessKeySecret: string, toSign: string) =>
  createHmac('sha256', accessKeySecret).update(toSign, 'utf8').digest('hex');

export type SignInput = {
  method: 'POST' | 'GET';
  /** `host[:port]` as the request's Host header carries it. */
  host: string;
  path?: string;
  query: Readonly<Record<string, string>>;
  body: string;
  /** Extra headers sent with the request (e.g. content-type); they are signed too. */
  headers?: Readonly<Record<string, string>>;
  action: string;
  version: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** ISO 8601 UTC without milliseconds, e.g. 2023-10-26T10:22:32Z. */
  date: string;
  nonce: string;
};

export type SignedRequest = {
  /** Every header to send, `authorization` included (lower-case names). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
};

/** Signs one request: the headers to send with it, and the intermediate strings (for tests and logs). */
export function signRequest(input: SignInput): SignedRequest {
  const hashedPayload = sha256Hex(input.body);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    host: input.host,
    'x-acs-action': input.action,
    'x-acs-content-sha256': hashedPayload,
    'x-acs-date': input.date,
    'x-acs-signature-nonce': input.nonce,
    'x-acs-version': input.version,
  };
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path ?? '/',
    query: input.query,
    headers,
    hashedPayload,
  });
  const toSign = stringToSign(canonical);
  const sig = signature(input.accessKeySecret, toSign);
  const { signed } = canonicalHeaders(headers);
  headers.authorization = `${ACS3_ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signed},Signature=${sig}`;
  return { headers, canonicalRequest: canonical, stringToSign: toSign, signature: sig };
}

/** `2023-10-26T10:22:32Z`: the x-acs-date format (UTC, seconds). */
export const acsDate = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

export type ParsedAuthorization = { credential: string; signedHeaders: string[]; signature: string };

/** Reads an `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header; null when malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header?.startsWith(`${ACS3_ALGORITHM} `)) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(ACS3_ALGORITHM.length + 1).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const sig = fields.get('Signature');
  if (!credential || !signedHeaders || !sig) return null;
  return { credential, signedHeaders: signedHeaders.split(';'), signature: sig };
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

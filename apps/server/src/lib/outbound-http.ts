import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from './app-error.js';

/**
 * Outbound HTTP for webhooks and robots, guarded against SSRF. The target's name is resolved ONCE,
 * every address it resolves to is checked, and the connection is made to a checked address (the
 * socket's `lookup` answers from that result and never asks DNS again, so a rebinding DNS server
 * cannot swap in 127.0.0.1 between the check and the connection). Refused unless `allowPrivate`:
 * private, loopback, link-local, carrier-grade NAT, unique-local, multicast, broadcast,
 * unspecified and reserved ranges, the same embedded in IPv4-mapped or NAT64 IPv6 addresses, and
 * every other special IPv6 range (6to4, Teredo, …). Only http and https; redirects are not
 * followed (a 3xx is answered as it is); the answer's body is cut at 64 KiB.
 */

export type OutboundResponse = {
  status: number;
  /** The first 64 KiB of the body, as UTF-8. */
  body: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
};

/** How a name is resolved: every address (tests inject one to point a name at 10.x offline). */
export type OutboundResolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export type OutboundOptions = {
  headers?: Record<string, string>;
  /** The whole exchange (connect, send, answer), default 15 s. */
  timeoutMs?: number;
  allowPrivate: boolean;
  /** Tests only: resolve names with this instead of the system resolver. */
  resolve?: OutboundResolver;
};

/** A network failure or timeout: worth trying again later (adapters answer a retryable result). */
export class OutboundError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'OutboundError';
  }
}

export const MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

const systemResolve: OutboundResolver = async (hostname) => {
  const addresses = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return addresses.map((a) => ({ address: a.address, family: a.family }));
};

/** Why an address may not be called (its range), or null when it is a public unicast address. */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  // `process` turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'unicast') return null;
  if (ip.kind() === 'ipv6' && range === 'rfc6052') {
    // NAT64 (64:ff9b::/96): the last 32 bits are the IPv4 address actually reached.
    const bytes = (ip as ipaddr.IPv6).toByteArray().slice(12);
    return blockedRange(ipaddr.fromByteArray(bytes).toString());
  }
  return range;
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new AppError('outbound.bad_url', 400, { params: { url }, cause: err });
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw new AppError('outbound.bad_url', 400, { params: { url } });
  }
  if (parsed.username || parsed.password) throw new AppError('outbound.bad_url', 400, { params: { url } });
  return parsed;
}

/** The URL's host without IPv6 brackets. */
function bareHost(u: URL): string {
  return u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
}

function blocked(host: string, address: string, range: string): AppError {
  return new AppError('outbound.blocked_address', 400, { params: { host, address, range } });
}

/**
 * Resolves the URL's host and checks every address. Answers the addresses to connect to (an IP
 * literal: itself). Throws AppError 400 `outbound.bad_url` / `outbound.blocked_address`, or
 * OutboundError when the name does not resolve.
 */
async function resolveChecked(
  u: URL,
  allowPrivate: boolean,
  resolve: OutboundResolver,
): Promise<{ address: string; family: number }[]> {
  const host = bareHost(u);
  if (ipaddr.isValid(host)) {
    const range = blockedRange(host);
    if (range && !allowPrivate) throw blocked(host, host, range);
    return [{ address: host, family: host.includes(':') ? 6 : 4 }];
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
    throw new OutboundError(`The name ${host} could not be resolved (${code}).`, code, { cause: err });
  }
  if (addresses.length === 0) throw new OutboundError(`The name ${host} has no address.`, 'ENOTFOUND');
  if (!allowPrivate) {
    for (const a of addresses) {
      const range = blockedRange(a.address);
      if (range) throw blocked(host, a.address, range);
    }
  }
  return addresses;
}

/**
 * Checks a URL an administrator enters (robot, webhook): http(s), and its host neither is nor
 * resolves to a refused address. A name that does not resolve now is let through (the delivery
 * checks again when it sends). Throws AppError 400 `outbound.bad_url` | `outbound.blocked_address`.
 */
export async function assertPublicUrl(
  url: string,
  allowPrivate: boolean,
  options: { resolve?: OutboundResolver } = {},
): Promise<void> {
  const u = parseTarget(url);
  try {
    await resolveChecked(u, allowPrivate, options.resolve ?? systemResolve);
  } catch (err) {
    if (err instanceof OutboundError) return;
    throw err;
  }
}

/** A `lookup` for the socket that answers with the already checked addresses only. */
function pinnedLookup(addresses: { address: string; family: number }[]): LookupFunction {
  return ((_hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
    if (usable.length === 0) {
      const err: NodeJS.ErrnoException = new Error('No checked address of the asked family');
      err.code = 'ENOTFOUND';
      callback(err);
      return;
    }
    if (options.all) callback(null, usable);
    else callback(null, usable[0]?.address, usable[0]?.family);
  }) as LookupFunction;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

function readableNetworkError(err: NodeJS.ErrnoException, target: string): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${target} (ECONNREFUSED).`;
    case 'ECONNRESET':
      return `The connection to ${target} was reset (ECONNRESET).`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${target} cannot be reached (${err.code}).`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The TLS certificate of ${target} is not valid (${err.code}).`;
    default:
      return `The request to ${target} failed: ${err.message}${err.code ? ` (${err.code})` : ''}.`;
  }
}

/**
 * POSTs `body` to `url` (Content-Type application/json unless given) and answers the status, the
 * first 64 KiB of the body and the headers, whatever the status. Throws AppError 400
 * (`outbound.bad_url`, `outbound.blocked_address`) for a refused target, OutboundError for a
 * network failure or timeout.
 */
export async function postOutbound(url: string, body: string, options: OutboundOptions): Promise<OutboundResponse> {
  const u = parseTarget(url);
  const addresses = await resolveChecked(u, options.allowPrivate, options.resolve ?? systemResolve);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = u.host;
  const payload = Buffer.from(body, 'utf8');
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Kefu',
    ...lowerKeys(options.headers ?? {}),
    'content-length': String(payload.length),
  };
  const isHttps = u.protocol === 'https:';
  const requestFn = isHttps ? https.request : http.request;

  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    let req: http.ClientRequest | null = null;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(new OutboundError(`No answer from ${target} within ${Math.round(timeoutMs / 1000)} s.`, 'ETIMEDOUT')),
      );
      req?.destroy();
    }, timeoutMs);
    /** One try; a kept-alive socket the peer had closed meanwhile (ECONNRESET on reuse) is tried once more, fresh. */
    const start = (retried: boolean) => {
      const current = requestFn(
        u,
        {
          method: 'POST',
          headers,
          agent: isHttps ? agents.https : agents.http,
          lookup: pinnedLookup(addresses),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () =>
            finish(() =>
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                headers: flattenHeaders(res.headers),
              }),
            );
          res.on('data', (chunk: Buffer) => {
            if (size >= MAX_RESPONSE_BYTES) return;
            const take = chunk.subarray(0, MAX_RESPONSE_BYTES - size);
            chunks.push(take);
            size += take.length;
            if (size >= MAX_RESPONSE_BYTES) {
              // Enough: stop reading (the socket is dropped, not returned to the pool).
              done();
              res.destroy();
            }
          });
          res.on('end', done);
          res.on('error', (err) =>
            finish(() => reject(new OutboundError(readableNetworkError(err, target), 'ERESPONSE'))),
          );
        },
      );
      req = current;
      current.on('error', (err: NodeJS.ErrnoException) => {
        if (!settled && !retried && current.reusedSocket && err.code === 'ECONNRESET') {
          start(true);
          return;
        }
        finish(() =>
          reject(new OutboundError(readableNetworkError(err, target), err.code ?? 'ENETWORK', { cause: err })),
        );
      });
      current.end(payload);
    };
    start(false);
  });
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

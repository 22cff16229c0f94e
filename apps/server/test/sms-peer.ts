import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Alibaba Cloud SMS (`POST /?Action params…`, SendSms 2017-05-25) that checks
 * each request's signature V3 the way the provider documents it — the canonical request rebuilt
 * from what arrived (method, `/`, the query parameters decoded and re-encoded, every header named in
 * SignedHeaders, the body's SHA-256) — and answers like the provider: `{ Code: "OK", BizId }`, or
 * `SignatureDoesNotMatch` (400), `InvalidAccessKeyId.NotFound` (404), `isv.*` refusals (200) and the
 * per-number frequency limit `isv.BUSINESS_LIMIT_CONTROL` (200).
 */
export type SmsPeerOptions = {
  accessKeyId: string;
  accessKeySecret: string;
  /** Approved signature names (签名); others are refused with isv.SMS_SIGNATURE_ILLEGAL. */
  signNames: string[];
  /** Approved template codes; others are refused with isv.SMS_TEMPLATE_ILLEGAL. */
  templates: string[];
  /** Messages one number may get per minute before isv.BUSINESS_LIMIT_CONTROL (default: no limit). */
  perNumberPerMinute?: number;
};

export type SmsPeerRequest = {
  params: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** The answer's Code. */
  code: string;
};

const json = (res: http.ServerResponse, status: number, body: Record<string, unknown>) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify(body));
};

/** `a=b&c=d` as sent (percent-encoded), decoded per RFC 3986 (no `+` for space). */
function decodeQuery(search: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const name = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
    params[name] = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1));
  }
  return params;
}

// The verification is written here again from the documents, on purpose apart from the
// adapter's signer (src/modules/sms/acs3.signature.ts): a mistake in one is caught by the other.
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
/** RFC 3986: unreserved A–Z a–z 0–9 - _ . ~ kept, every other UTF-8 byte as %XX. */
const encode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
const takesPart = (name: string) => name.startsWith('x-acs-') || name === 'host' || name === 'content-type';

function parseAuthorization(header: string | undefined) {
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(header ?? '');
  if (!match) return null;
  return {
    credential: match[1] as string,
    signedHeaders: (match[2] as string).split(';'),
    signature: match[3] as string,
  };
}

/** The string to sign the provider computes from a request as it arrived. */
function serverStringToSign(
  method: string,
  params: Record<string, string>,
  headers: Record<string, string>,
  signedHeaders: string[],
  hashedPayload: string,
): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k] ?? '')}`)
    .join('&');
  const names = [...signedHeaders].sort();
  const canonicalHeaders = names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join('');
  const canonical = [method, '/', query, canonicalHeaders, names.join(';'), hashedPayload].join('\n');
  return `ACS3-HMAC-SHA256\n${sha256(canonical)}`;
}

const MAINLAND_MOBILE = /^(?:\+?86|0086)?1[3-9]\d{9}$/;

export async function startSmsPeer(options: SmsPeerOptions) {
  const requests: SmsPeerRequest[] = [];
  const sentAt = new Map<string, number[]>();
  const nonces = new Set<string>();
  /** Answers to give next instead of judging the request (e.g. a 503), first in first out. */
  const scripted: { status: number; body: Record<string, unknown> }[] = [];

  const judge = (req: http.IncomingMessage, body: Buffer): { status: number; body: Record<string, unknown> } => {
    const requestId = randomUUID().toUpperCase();
    const refuse = (status: number, code: string, message: string) => ({
      status,
      body: { RequestId: requestId, HostId: 'dysmsapi.aliyuncs.com', Code: code, Message: message },
    });
    const url = new URL(req.url ?? '/', 'http://peer');
    const params = decodeQuery(url.search);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    const auth = parseAuthorization(headers.authorization);
    if (!auth) return refuse(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
    if (auth.credential !== options.accessKeyId) {
      return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    }
    // Every header that takes part in the signature must have been signed.
    const unsigned = Object.keys(headers).filter((name) => takesPart(name) && !auth.signedHeaders.includes(name));
    if (unsigned.length > 0) {
      return refuse(400, 'IncompleteSignature', `Headers ${unsigned.join(', ')} are not signed.`);
    }
    const hashedPayload = sha256(body);
    if (headers['x-acs-content-sha256'] !== hashedPayload) {
      return refuse(400, 'ContentSHA256NotMatched', 'The x-acs-content-sha256 header does not match the body.');
    }
    if (url.pathname !== '/') return refuse(404, 'InvalidAction.NotFound', 'Specified api is not found.');
    const toSign = serverStringToSign(req.method ?? 'POST', params, headers, auth.signedHeaders, hashedPayload);
    const expected = Buffer.from(createHmac('sha256', options.accessKeySecret).update(toSign).digest('hex'));
    const given = Buffer.from(auth.signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return refuse(
        400,
        'SignatureDoesNotMatch',
        `Specified signature does not match our calculation. server string to sign is:${toSign}`,
      );
    }
    const date = Date.parse(headers['x-acs-date'] ?? '');
    if (!Number.isFinite(date) || Math.abs(Date.now() - date) > 15 * 60_000) {
      return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    const nonce = headers['x-acs-signature-nonce'] ?? '';
    if (!nonce || nonces.has(nonce))
      return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(nonce);
    if (headers['x-acs-action'] !== 'SendSms' || headers['x-acs-version'] !== '2017-05-25') {
      return refuse(400, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    }
    const phone = params.PhoneNumbers ?? '';
    if (!params.SignName || !params.TemplateCode || !phone) {
      return refuse(400, 'MissingParameter', 'A required parameter is missing.');
    }
    const ok = (code: string, message: string) => ({
      status: 200,
      body: { RequestId: requestId, Code: code, Message: message },
    });
    if (!MAINLAND_MOBILE.test(phone)) return ok('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    if (!options.signNames.includes(params.SignName)) return ok('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
    if (!options.templates.includes(params.TemplateCode))
      return ok('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
    if (params.TemplateParam !== undefined) {
      try {
        JSON.parse(params.TemplateParam);
      } catch {
        return ok('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
      }
    }
    const now = Date.now();
    const number = phone.replace(/^(?:\+?86|0086)/, '');
    const recent = (sentAt.get(number) ?? []).filter((at) => now - at < 60_000);
    if (options.perNumberPerMinute !== undefined && recent.length >= options.perNumberPerMinute) {
      return ok('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1');
    }
    sentAt.set(number, [...recent, now]);
    return {
      status: 200,
      body: { RequestId: requestId, Code: 'OK', Message: 'OK', BizId: `${now}^${requests.length}` },
    };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const answer = scripted.shift() ?? judge(req, body);
      const url = new URL(req.url ?? '/', 'http://peer');
      requests.push({ params: decodeQuery(url.search), headers: req.headers, code: String(answer.body.Code) });
      json(res, answer.status, answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    /** The next request gets this answer, whatever it is. */
    answerNext(status: number, body: Record<string, unknown>) {
      scripted.push({ status, body });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type SmsPeer = Awaited<ReturnType<typeof startSmsPeer>>;

import { randomUUID } from 'node:crypto';
import type { DeliveryResult } from '../../lib/channel-adapter.js';
import { acsDate, canonicalQueryString, signRequest } from './acs3.signature.js';

/**
 * Alibaba Cloud SMS `SendSms` (API version 2017-05-25, RPC style): the request and the reading of
 * its answer, without I/O (sms.adapter.ts sends). Parameters go in the query string of a POST with
 * an empty body, as the OpenAPI metadata places them (`in: query`), signed with signature V3.
 *
 * Answers (documents "SendSms" and "API error codes"): `{ Code: "OK", BizId, RequestId, Message }`
 * on success; a refusal keeps HTTP 200 with another `Code` (`isv.*`: the account's or request's
 * fault; `isp.*`: the platform's), gateway errors (`SignatureDoesNotMatch`, `InvalidAccessKeyId.*`,
 * `Throttling*`) come with a 4xx/5xx status.
 */
export const SEND_SMS_ACTION = 'SendSms';
export const SEND_SMS_VERSION = '2017-05-25';
/** What the `content` variable of the default template may carry (Alibaba refuses longer messages anyway). */
export const MAX_CONTENT_CHARS = 500;

export type AliyunAccount = {
  endpoint: string;
  regionId: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
};

export type SendSmsParams = {
  phoneNumbers: string;
  templateCode: string;
  templateParams: Record<string, string> | null;
  /** Our message id, echoed by the provider's delivery receipts (OutId). */
  outId?: string;
};

export type BuiltRequest = { url: string; headers: Record<string, string>; body: string; log: string };

/** Mobile numbers as the provider takes them: digits with an optional leading `+`, nothing else. */
export const normalizePhone = (phone: string) => phone.replace(/[\s\-()]/g, '');

export function buildSendSmsRequest(
  account: AliyunAccount,
  params: SendSmsParams,
  options: { now?: Date; nonce?: string } = {},
): BuiltRequest {
  const query: Record<string, string> = {
    PhoneNumbers: normalizePhone(params.phoneNumbers),
    SignName: account.signName,
    TemplateCode: params.templateCode,
    RegionId: account.regionId,
  };
  if (params.templateParams && Object.keys(params.templateParams).length > 0)
    query.TemplateParam = JSON.stringify(params.templateParams);
  if (params.outId) query.OutId = params.outId;
  const endpoint = new URL(account.endpoint);
  const signed = signRequest({
    method: 'POST',
    host: endpoint.host,
    query,
    body: '',
    // Sent explicitly (and so signed) so that no HTTP client adds an unsigned one of its own.
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    action: SEND_SMS_ACTION,
    version: SEND_SMS_VERSION,
    accessKeyId: account.accessKeyId,
    accessKeySecret: account.accessKeySecret,
    date: acsDate(options.now ?? new Date()),
    nonce: options.nonce ?? randomUUID(),
  });
  const url = `${endpoint.origin}/?${canonicalQueryString(query)}`;
  // The HTTP client sets Host from the URL: the same `host[:port]` as signed.
  const { host: _host, ...headers } = signed.headers;
  const credential = `Credential=${account.accessKeyId}`;
  const log = [
    `POST ${url}`,
    `x-acs-action: ${SEND_SMS_ACTION}`,
    `x-acs-version: ${SEND_SMS_VERSION}`,
    `x-acs-date: ${signed.headers['x-acs-date']}`,
    `authorization: ACS3-HMAC-SHA256 ${credential},SignedHeaders=…,Signature=…`,
  ].join('\n');
  return { url, headers, body: '', log };
}

type Answer = { Code?: unknown; Message?: unknown; BizId?: unknown; RequestId?: unknown };

/** Refusals that will not change by trying again: wrong number, template, signature, account or key. */
const PERMANENT_CODES = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.INVALID_JSON_PARAM',
  'isv.INVALID_PARAMETERS',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.PARAM_NOT_SUPPORT_URL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.SIGN_STATE_ILLEGAL',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL',
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.DENY_IP_RANGE',
  'isv.ACCOUNT_NOT_EXISTS',
  'isv.ACCOUNT_ABNORMAL',
  'isv.PRODUCT_UN_SUBSCRIPT',
  'isv.PRODUCT_UNSUBSCRIBE',
  'isv.OUT_OF_SERVICE',
  'isv.AMOUNT_NOT_ENOUGH',
  'isp.RAM_PERMISSION_DENY',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'Forbidden.RAM',
  'MissingParameter',
  'InvalidParameter',
]);

/** Limits of the account (per day or month, set in the console): worth trying again later. */
const LATER_CODES = new Set(['isv.DAY_LIMIT_CONTROL', 'isv.MONTH_LIMIT_CONTROL']);

/**
 * The per-number frequency limit (`isv.BUSINESS_LIMIT_CONTROL`: by default 1 a minute, 5 an hour,
 * 10 a day to one number): wait 1 min, doubling with each attempt, at most an hour.
 */
export const businessLimitWait = (attempt: number) => Math.min(3600, 60 * 2 ** Math.max(0, attempt - 1));

function parse(body: string): Answer | null {
  try {
    const value = JSON.parse(body) as unknown;
    return value && typeof value === 'object' ? (value as Answer) : null;
  } catch {
    return null;
  }
}

/** What the provider's answer means for the delivery: sent, try again (when), or give up. */
export function readSendSmsAnswer(
  status: number,
  body: string,
  attempt = 1,
): Pick<DeliveryResult, 'ok' | 'retryable' | 'error' | 'providerId' | 'retryAfterSeconds'> {
  const answer = parse(body);
  const code = typeof answer?.Code === 'string' ? answer.Code : null;
  const message = typeof answer?.Message === 'string' ? answer.Message : '';
  if (status >= 200 && status < 300 && code === 'OK') {
    return { ok: true, retryable: false, providerId: typeof answer?.BizId === 'string' ? answer.BizId : undefined };
  }
  const requestId = typeof answer?.RequestId === 'string' ? ` (RequestId ${answer.RequestId})` : '';
  const error = code
    ? `${code}: ${message || 'no message'}${requestId}`
    : `HTTP ${status}: ${body.slice(0, 200) || 'no answer body'}`;
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') {
    return { ok: false, retryable: true, error, retryAfterSeconds: businessLimitWait(attempt) };
  }
  if (code && (code.startsWith('Throttling') || code === 'ServiceUnavailable' || LATER_CODES.has(code))) {
    return { ok: false, retryable: true, error };
  }
  if (code && PERMANENT_CODES.has(code)) return { ok: false, retryable: false, error };
  if (status >= 500 || status === 429 || code?.startsWith('isp.')) return { ok: false, retryable: true, error };
  // Any other refusal of the account or request (an unknown isv.* code, a 4xx): trying again sends the same.
  return { ok: false, retryable: false, error };
}

import type { ChannelAdapter, DeliveryResult, OutboundMessage } from '../../lib/channel-adapter.js';
import type { Deps } from '../../lib/deps.js';
import { OutboundError, postOutbound } from '../../lib/outbound-http.js';
import { buildSendSmsRequest, MAX_CONTENT_CHARS, readSendSmsAnswer } from './aliyun.client.js';
import { missingSettings } from './sms.config.js';
import { findSettings, type SmsSettingsRow } from './sms.repository.js';

/** How long one SendSms call may take before the attempt counts as a network failure. */
const TIMEOUT_MS = 10_000;
/** What the delivery log keeps of a request or answer. */
const LOG_LIMIT = 8 * 1024;

export type SmsSend = {
  phone: string;
  /** A provider template of the message's own, else the default template with `{ content }`. */
  templateCode?: string | null;
  templateParams?: Record<string, unknown> | null;
  content: string;
  outId?: string;
  attempt?: number;
};

const stringParams = (params: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : v == null ? '' : String(v)]),
  );

/**
 * The template and its variables: the message's own (headers from its notification template; its
 * variables as given, else the rendered text as `content`) or the default one with `content`.
 */
function template(settings: SmsSettingsRow, send: SmsSend) {
  const content = send.content.slice(0, MAX_CONTENT_CHARS);
  if (send.templateCode) {
    const params = send.templateParams ? stringParams(send.templateParams) : { content };
    return { templateCode: send.templateCode, templateParams: params };
  }
  return {
    templateCode: settings.defaultTemplateCode,
    templateParams: { content },
  };
}

/** Sends one SMS with the stored settings; never throws for the provider's refusal or a network failure. */
export async function sendSms(deps: Deps, send: SmsSend): Promise<DeliveryResult> {
  const settings = await findSettings(deps.database.db);
  const missing = missingSettings(settings, { needsDefaultTemplate: !send.templateCode });
  if (!settings || missing.length > 0) {
    // Not a refusal by the provider: once an administrator completes the settings, a retry gets through.
    return { ok: false, status: null, retryable: true, error: `SMS is not set up: missing ${missing.join(', ')}` };
  }
  const { templateCode, templateParams } = template(settings, send);
  let request: ReturnType<typeof buildSendSmsRequest>;
  try {
    request = buildSendSmsRequest(
      {
        endpoint: settings.endpoint,
        regionId: settings.regionId,
        accessKeyId: settings.accessKeyId,
        accessKeySecret: settings.accessKeySecret ?? '',
        signName: settings.signName,
      },
      { phoneNumbers: send.phone, templateCode, templateParams, outId: send.outId },
    );
  } catch (err) {
    return { ok: false, status: null, retryable: false, error: `SMS request not built: ${(err as Error).message}` };
  }
  const logged = request.log.slice(0, LOG_LIMIT);
  try {
    const answer = await postOutbound(request.url, request.body, {
      headers: request.headers,
      timeoutMs: TIMEOUT_MS,
      allowPrivate: deps.config.outbound.allowPrivate,
    });
    const read = readSendSmsAnswer(answer.status, answer.body, send.attempt ?? 1);
    return { ...read, status: answer.status, request: logged, response: answer.body.slice(0, LOG_LIMIT) };
  } catch (err) {
    if (err instanceof OutboundError) {
      return { ok: false, status: null, retryable: true, request: logged, error: err.message };
    }
    // The endpoint is refused (SSRF guard: a private address without KEFU_WEBHOOK_ALLOW_PRIVATE, a bad URL).
    const { code = 'error', params = {} } = err as { code?: string; params?: Record<string, unknown> };
    const detail = params.address ? `${String(params.address)} (${String(params.range)})` : (err as Error).message;
    return { ok: false, status: null, retryable: false, request: logged, error: `${code}: ${detail}` };
  }
}

function headerString(headers: OutboundMessage['headers'], name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function headerObject(headers: OutboundMessage['headers'], name: string): Record<string, unknown> | null {
  const value = headers?.[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The `sms` delivery channel (lib/channel-adapter.ts): Alibaba Cloud SMS SendSms. The recipient is
 * a mobile number; `headers.templateCode` / `headers.templateParams` (from the notification
 * template's provider template id) choose the template, else the default template gets the
 * rendered body as `content`.
 */
export const smsAdapter: ChannelAdapter = {
  channel: 'sms',
  send: (deps, message) =>
    sendSms(deps, {
      phone: message.recipient,
      templateCode: headerString(message.headers, 'templateCode'),
      templateParams: headerObject(message.headers, 'templateParams'),
      content: message.body,
      outId: message.id,
      attempt: message.attempt,
    }),
};

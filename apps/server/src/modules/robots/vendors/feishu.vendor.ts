import { createHmac } from 'node:crypto';
import { cutUtf8, larkMarkdown, plainText } from './robot.text.js';
import {
  httpVerdict,
  maskUrl,
  parseAnswer,
  type RobotMessage,
  type RobotTarget,
  type Vendor,
  type VendorVerdict,
} from './vendor.contract.js';

/**
 * Feishu / Lark custom bot (自定义机器人). POST JSON to the webhook URL as pasted
 * (`https://open.feishu.cn/open-apis/bot/v2/hook/<token>`). With 签名校验, the body also carries
 * `timestamp` (seconds, a string) and `sign` = Base64(HmacSHA256(key = timestamp + "\n" + secret,
 * message = empty)); Feishu refuses a timestamp more than an hour away.
 * - `text`: `{ msg_type: 'text', content: { text } }` (Feishu mentions need user ids, not mobiles).
 * - `markdown` and `card`: `{ msg_type: 'interactive', card: { header, elements } }`, the text as
 *   lark_md and a button to the ticket.
 * The request body may not exceed 20 KB. Answer: `{ code, msg }` (older: `StatusCode`,
 * `StatusMessage`), 0 = sent; 19021 = bad signature or stale timestamp, 19022 = IP not allowed,
 * 19024 = keyword missing; 9499 / 11232 = frequency limit (100 a minute, 5 a second).
 */
const MAX_BYTES = 16_000;
const RATE_LIMITED = new Set([9499, 11232, 11233]);
const HINTS = {
  19021: 'robot.hint.signature',
  19022: 'robot.hint.ip',
  19024: 'robot.hint.keyword',
} as const;

/** Feishu's `sign`: HmacSHA256 keyed by `timestamp + "\n" + secret` over nothing, Base64. */
export function feishuSign(timestampSeconds: string, secret: string): string {
  return createHmac('sha256', Buffer.from(`${timestampSeconds}\n${secret}`, 'utf8'))
    .update(Buffer.alloc(0))
    .digest('base64');
}

export function feishuMessage(target: RobotTarget, message: RobotMessage): Record<string, unknown> {
  if (target.format === 'text') {
    const link = message.link ? `\n${message.linkLabel}: ${message.link}` : '';
    const text = cutUtf8(plainText(message.markdown), MAX_BYTES - Buffer.byteLength(link)) + link;
    return { msg_type: 'text', content: { text } };
  }
  const elements: Record<string, unknown>[] = [
    { tag: 'div', text: { tag: 'lark_md', content: cutUtf8(larkMarkdown(message.markdown), MAX_BYTES) } },
  ];
  if (message.link) {
    elements.push({
      tag: 'action',
      actions: [
        { tag: 'button', text: { tag: 'plain_text', content: message.linkLabel }, type: 'primary', url: message.link },
      ],
    });
  }
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: { title: { tag: 'plain_text', content: message.title }, template: 'red' },
      elements,
    },
  };
}

export function feishuBody(target: RobotTarget, message: RobotMessage, now: Date): Record<string, unknown> {
  const payload = feishuMessage(target, message);
  if (!target.secret) return payload;
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: feishuSign(timestamp, target.secret), ...payload };
}

export const feishuVendor: Vendor = {
  build(target, message, now) {
    return {
      url: target.url,
      body: JSON.stringify(feishuBody(target, message, now)),
      logUrl: maskUrl(target.url, true),
    };
  },
  judge(status, body): VendorVerdict {
    const answer = parseAnswer(body);
    const rawCode = answer?.code ?? answer?.StatusCode;
    if (typeof rawCode === 'number') {
      const message = String(answer?.msg ?? answer?.StatusMessage ?? '');
      if (rawCode === 0) return { ok: true };
      if (RATE_LIMITED.has(rawCode))
        return { ok: false, code: String(rawCode), message, kind: 'rate_limited', retryAfterSeconds: 60 };
      const hint = HINTS[rawCode as keyof typeof HINTS];
      return { ok: false, code: String(rawCode), message, kind: 'refused', ...(hint ? { hint } : {}) };
    }
    if (status >= 200 && status < 300)
      return { ok: false, code: String(status), message: body.slice(0, 200), kind: 'refused' };
    return httpVerdict(status, body, 60);
  },
};

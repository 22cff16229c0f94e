import { createHmac } from 'node:crypto';
import { cutUtf8, plainText } from './robot.text.js';
import {
  type ErrcodeRules,
  errcodeVerdict,
  maskUrl,
  type RobotMessage,
  type RobotTarget,
  type Vendor,
  type VendorVerdict,
} from './vendor.contract.js';

/**
 * DingTalk custom robot (钉钉自定义机器人). POST JSON to the webhook URL as pasted
 * (`https://oapi.dingtalk.com/robot/send?access_token=…`). With the 加签 security setting, two query
 * parameters are appended: `timestamp` (milliseconds) and `sign` = urlEncode(Base64(HmacSHA256(
 * key = secret, message = timestamp + "\n" + secret))); DingTalk refuses a timestamp more than an
 * hour away from its clock.
 * - `text`: `{ msgtype: 'text', text: { content }, at: { atMobiles, isAtAll } }`; a member is
 *   mentioned when the content also carries "@<mobile>".
 * - `markdown`: `{ msgtype: 'markdown', markdown: { title, text }, at }`.
 * - `card`: an ActionCard with one button to the ticket (`singleTitle`, `singleURL`).
 * Answer: `{ errcode, errmsg }`; 310000 = refused by the security settings (signature, keyword,
 * IP allow-list), 130101 / 410100 = sending too fast (a robot may send 20 messages a minute and is
 * throttled for 10 minutes past that).
 */
const MAX_BYTES = 18_000;
const RATE_LIMITED = new Set([130101, 410100, 660026]);
const BUSY = new Set([-1]);
const THROTTLE_SECONDS = 600;
const RULES: ErrcodeRules = {
  rateLimited: RATE_LIMITED,
  rateLimitSeconds: THROTTLE_SECONDS,
  busy: BUSY,
  hints: { 310000: 'robot.hint.dingtalk_310000' },
};

/** The `sign` query value, already URL-encoded (what DingTalk's documentation computes). */
export function dingtalkSign(timestampMs: string, secret: string): string {
  const digest = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(`${timestampMs}\n${secret}`, 'utf8'))
    .digest('base64');
  return encodeURIComponent(digest);
}

/** The webhook URL with `timestamp` and `sign` appended (replacing any pasted ones). */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: string): string {
  const u = new URL(url);
  u.searchParams.delete('timestamp');
  u.searchParams.delete('sign');
  const query = u.search ? `${u.search}&` : '?';
  return `${u.origin}${u.pathname}${query}timestamp=${timestampMs}&sign=${dingtalkSign(timestampMs, secret)}`;
}

/** DingTalk's markdown joins single line breaks: every line its own paragraph. */
export function dingtalkMarkdown(markdown: string): string {
  return markdown.replace(/\n+/g, '\n\n');
}

function mentionsOf(target: RobotTarget) {
  const mobiles = [...target.mentionMobiles];
  return { mobiles, suffix: mobiles.length > 0 ? `\n${mobiles.map((m) => `@${m}`).join(' ')}` : '' };
}

export function dingtalkBody(target: RobotTarget, message: RobotMessage): Record<string, unknown> {
  const { mobiles, suffix } = mentionsOf(target);
  const at = { atMobiles: mobiles, isAtAll: false };
  if (target.format === 'text') {
    const link = message.link ? `\n${message.linkLabel}: ${message.link}` : '';
    const budget = MAX_BYTES - Buffer.byteLength(link + suffix);
    return { msgtype: 'text', text: { content: cutUtf8(plainText(message.markdown), budget) + link + suffix }, at };
  }
  if (target.format === 'card' && message.link) {
    return {
      msgtype: 'actionCard',
      actionCard: {
        title: message.title,
        text: cutUtf8(dingtalkMarkdown(message.markdown), MAX_BYTES),
        btnOrientation: '0',
        singleTitle: message.linkLabel,
        singleURL: message.link,
      },
    };
  }
  const link = message.link ? `\n\n[${message.linkLabel}](${message.link})` : '';
  const budget = MAX_BYTES - Buffer.byteLength(link + suffix);
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: cutUtf8(dingtalkMarkdown(message.markdown), budget) + link + suffix },
    at,
  };
}

export const dingtalkVendor: Vendor = {
  build(target, message, now) {
    const url = target.secret ? dingtalkSignedUrl(target.url, target.secret, String(now.getTime())) : target.url;
    return { url, body: JSON.stringify(dingtalkBody(target, message)), logUrl: maskUrl(url) };
  },
  judge(status, body): VendorVerdict {
    return errcodeVerdict(status, body, RULES);
  },
};

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
 * WeCom group robot (企业微信群机器人, 群机器人配置说明): POST JSON to the webhook URL as pasted
 * (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`, the key is the credential).
 * - `text`: `content` at most 2,048 bytes of UTF-8; `mentioned_mobile_list` @-mentions members by mobile.
 * - `markdown`: `content` at most 4,096 bytes (WeCom's markdown subset; mentions by mobile are not
 *   supported there). A `card` robot sends markdown.
 * Answer: `{ errcode, errmsg }`, 0 = sent; 45009 = over the rate limit (20 messages a minute).
 */
export const WECOM_TEXT_MAX_BYTES = 2048;
export const WECOM_MARKDOWN_MAX_BYTES = 4096;
const RATE_LIMITED = new Set([45009]);
const BUSY = new Set([-1]);
const RULES: ErrcodeRules = {
  rateLimited: RATE_LIMITED,
  rateLimitSeconds: 60,
  busy: BUSY,
  hints: { 93000: 'robot.hint.wecom_key' },
};

export function wecomBody(target: RobotTarget, message: RobotMessage): Record<string, unknown> {
  if (target.format === 'text') {
    const link = message.link ? `\n${message.linkLabel}: ${message.link}` : '';
    const content = cutUtf8(plainText(message.markdown), WECOM_TEXT_MAX_BYTES - Buffer.byteLength(link)) + link;
    return {
      msgtype: 'text',
      text: {
        content,
        ...(target.mentionMobiles.length > 0 ? { mentioned_mobile_list: [...target.mentionMobiles] } : {}),
      },
    };
  }
  const link = message.link ? `\n[${message.linkLabel}](${message.link})` : '';
  const content = cutUtf8(message.markdown, WECOM_MARKDOWN_MAX_BYTES - Buffer.byteLength(link)) + link;
  return { msgtype: 'markdown', markdown: { content } };
}

export const wecomVendor: Vendor = {
  build(target, message) {
    return { url: target.url, body: JSON.stringify(wecomBody(target, message)), logUrl: maskUrl(target.url) };
  },
  judge(status, body): VendorVerdict {
    return errcodeVerdict(status, body, RULES);
  },
};

import { describe, expect, it } from 'vitest';
import { dingtalkBody, dingtalkSign, dingtalkSignedUrl, dingtalkVendor } from './dingtalk.vendor.js';
import { feishuBody, feishuSign, feishuVendor } from './feishu.vendor.js';
import { cutUtf8, markdownOf, plainText, utf8Length } from './robot.text.js';
import { maskUrl, type RobotMessage, type RobotTarget } from './vendor.contract.js';
import { WECOM_MARKDOWN_MAX_BYTES, WECOM_TEXT_MAX_BYTES, wecomBody, wecomVendor } from './wecom.vendor.js';

const target = (over: Partial<RobotTarget>): RobotTarget => ({
  kind: 'wecom',
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-123',
  secret: null,
  format: 'text',
  mentionMobiles: [],
  ...over,
});

const message: RobotMessage = {
  title: '重大投诉',
  markdown: '### 【重大投诉】工单 T1：空调不制冷\n工单：T1\n处理人：**张三**',
  link: 'https://kefu.example.com/tickets/abc',
  linkLabel: '查看工单',
};

describe('DingTalk signature (加签)', () => {
  it('equals the value computed independently from the documented formula', () => {
    // python3 -c 'import hmac,hashlib,base64,urllib.parse; ts="1599360473000"; s="this is secret"; print(urllib.parse.quote_plus(base64.b64encode(hmac.new(s.encode(), (ts+"\n"+s).encode(), hashlib.sha256).digest())))'
    expect(dingtalkSign('1599360473000', 'this is secret')).toBe('hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D');
    // python3 -c 'import hmac,hashlib,base64,urllib.parse; ts="1700000000000"; s="SEC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d"; print(urllib.parse.quote_plus(base64.b64encode(hmac.new(s.encode(), (ts+"\n"+s).encode(), hashlib.sha256).digest())))'
    expect(
      dingtalkSign('1700000000000', 'SEC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d'),
    ).toBe('c8tHqexiuRF9KgxQ5ltGg87okvziQ0F1S3J5r8B4uqI%3D');
    // python3 -c 'import hmac,hashlib,base64,urllib.parse; ts="1700000000000"; s="密钥SEC"; print(urllib.parse.quote_plus(base64.b64encode(hmac.new(s.encode(), (ts+"\n"+s).encode(), hashlib.sha256).digest())))'
    expect(dingtalkSign('1700000000000', '密钥SEC')).toBe('sjAZnyV3c3f2Xscf%2FpVkZEyRzVmvfakKGRQ5AAxd4Sw%3D');
  });

  it('appends timestamp (ms) and sign to the pasted URL, replacing pasted ones', () => {
    const url = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1&sign=old',
      'this is secret',
      '1599360473000',
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1599360473000&sign=hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D',
    );
    const request = dingtalkVendor.build(
      target({
        kind: 'dingtalk',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
        secret: 'this is secret',
      }),
      message,
      new Date(1599360473000),
    );
    expect(request.url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1599360473000&sign=hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D',
    );
    expect(request.logUrl).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=1599360473000&sign=***',
    );
  });

  it('leaves the URL alone without a secret (keyword or IP security)', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
    expect(dingtalkVendor.build(target({ kind: 'dingtalk', url }), message, new Date()).url).toBe(url);
  });
});

describe('Feishu signature (签名校验)', () => {
  it('equals the value computed independently (key = timestamp + "\\n" + secret, empty message)', () => {
    // python3 -c 'import hmac,hashlib,base64; ts="1599360473"; s="demo-secret"; print(base64.b64encode(hmac.new((ts+"\n"+s).encode(), b"", hashlib.sha256).digest()).decode())'
    expect(feishuSign('1599360473', 'demo-secret')).toBe('3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=');
    // python3 -c 'import hmac,hashlib,base64; ts="1700000000"; s="QbGwn1ZLpLmcvmr0pRr1Ce"; print(base64.b64encode(hmac.new((ts+"\n"+s).encode(), b"", hashlib.sha256).digest()).decode())'
    expect(feishuSign('1700000000', 'QbGwn1ZLpLmcvmr0pRr1Ce')).toBe('3A2r29J1bpcmvVRyNFu7yN0nTMcddu8hxFvW/jhw1FU=');
  });

  it('puts timestamp (seconds, a string) and sign in the body', () => {
    const body = feishuBody(
      target({ kind: 'feishu', secret: 'demo-secret', format: 'text' }),
      { ...message, link: null },
      new Date(1599360473999),
    );
    expect(body).toEqual({
      timestamp: '1599360473',
      sign: '3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=',
      msg_type: 'text',
      content: { text: '【重大投诉】工单 T1：空调不制冷\n工单：T1\n处理人：张三' },
    });
  });
});

describe('request bodies', () => {
  it('WeCom text: content, link and mentioned_mobile_list', () => {
    expect(wecomBody(target({ mentionMobiles: ['13800001111'] }), message)).toEqual({
      msgtype: 'text',
      text: {
        content:
          '【重大投诉】工单 T1：空调不制冷\n工单：T1\n处理人：张三\n查看工单: https://kefu.example.com/tickets/abc',
        mentioned_mobile_list: ['13800001111'],
      },
    });
  });

  it('WeCom markdown (and card): the markdown with a link', () => {
    for (const format of ['markdown', 'card'] as const) {
      expect(wecomBody(target({ format }), message)).toEqual({
        msgtype: 'markdown',
        markdown: { content: `${message.markdown}\n[查看工单](https://kefu.example.com/tickets/abc)` },
      });
    }
  });

  it('DingTalk text: @mobiles in the content and in at.atMobiles', () => {
    expect(dingtalkBody(target({ kind: 'dingtalk', mentionMobiles: ['13800001111'] }), message)).toEqual({
      msgtype: 'text',
      text: {
        content:
          '【重大投诉】工单 T1：空调不制冷\n工单：T1\n处理人：张三\n查看工单: https://kefu.example.com/tickets/abc\n@13800001111',
      },
      at: { atMobiles: ['13800001111'], isAtAll: false },
    });
  });

  it('DingTalk markdown: title and text', () => {
    expect(dingtalkBody(target({ kind: 'dingtalk', format: 'markdown' }), message)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '重大投诉',
        text: '### 【重大投诉】工单 T1：空调不制冷\n\n工单：T1\n\n处理人：**张三**\n\n[查看工单](https://kefu.example.com/tickets/abc)',
      },
      at: { atMobiles: [], isAtAll: false },
    });
  });

  it('DingTalk card: an ActionCard with one button to the ticket', () => {
    expect(dingtalkBody(target({ kind: 'dingtalk', format: 'card' }), message)).toEqual({
      msgtype: 'actionCard',
      actionCard: {
        title: '重大投诉',
        text: '### 【重大投诉】工单 T1：空调不制冷\n\n工单：T1\n\n处理人：**张三**',
        btnOrientation: '0',
        singleTitle: '查看工单',
        singleURL: 'https://kefu.example.com/tickets/abc',
      },
    });
  });

  it('Feishu card: an interactive card (lark_md) with a button', () => {
    expect(feishuBody(target({ kind: 'feishu', format: 'card' }), message, new Date())).toEqual({
      msg_type: 'interactive',
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: '重大投诉' }, template: 'red' },
        elements: [
          {
            tag: 'div',
            text: { tag: 'lark_md', content: '**【重大投诉】工单 T1：空调不制冷**\n工单：T1\n处理人：**张三**' },
          },
          {
            tag: 'action',
            actions: [
              {
                tag: 'button',
                text: { tag: 'plain_text', content: '查看工单' },
                type: 'primary',
                url: 'https://kefu.example.com/tickets/abc',
              },
            ],
          },
        ],
      },
    });
  });
});

describe('byte limits', () => {
  it('cuts at a character boundary, never inside a Chinese character or an emoji', () => {
    const text = '工单'.repeat(2000); // 3 bytes each: 12,000 bytes
    const cut = cutUtf8(text, 2048);
    expect(utf8Length(cut)).toBeLessThanOrEqual(2048);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toContain('\uFFFD');
    expect(cut.slice(0, -1)).toBe('工单'.repeat(2000).slice(0, cut.length - 1));
    const emoji = '👨‍👩‍👧'.repeat(500);
    const cutEmoji = cutUtf8(emoji, 100);
    expect(utf8Length(cutEmoji)).toBeLessThanOrEqual(100);
    expect(cutEmoji.slice(0, -1).length % '👨‍👩‍👧'.length).toBe(0);
    expect(cutUtf8('short', 2048)).toBe('short');
  });

  it('WeCom text stays within 2,048 bytes and markdown within 4,096, link included', () => {
    const long: RobotMessage = { ...message, markdown: `### 标题\n${'超长内容'.repeat(3000)}` };
    const text = wecomBody(target({}), long) as { text: { content: string } };
    expect(utf8Length(text.text.content)).toBeLessThanOrEqual(WECOM_TEXT_MAX_BYTES);
    expect(text.text.content.endsWith('查看工单: https://kefu.example.com/tickets/abc')).toBe(true);
    const md = wecomBody(target({ format: 'markdown' }), long) as { markdown: { content: string } };
    expect(utf8Length(md.markdown.content)).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(utf8Length(md.markdown.content)).toBeGreaterThan(WECOM_MARKDOWN_MAX_BYTES - 10);
  });
});

describe('answers', () => {
  it('WeCom: errcode 0 ok, 45009 rate limited, others refused', () => {
    expect(wecomVendor.judge(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(wecomVendor.judge(200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({
      ok: false,
      code: '45009',
      kind: 'rate_limited',
      retryAfterSeconds: 60,
    });
    expect(wecomVendor.judge(200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({
      kind: 'refused',
      hint: 'robot.hint.wecom_key',
    });
  });

  it('DingTalk: 310000 refused with a hint, 130101 rate limited, 5xx temporary', () => {
    expect(dingtalkVendor.judge(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(dingtalkVendor.judge(200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({
      code: '310000',
      message: 'sign not match',
      kind: 'refused',
      hint: 'robot.hint.dingtalk_310000',
    });
    expect(dingtalkVendor.judge(200, '{"errcode":130101,"errmsg":"send too fast"}')).toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 600,
    });
    expect(dingtalkVendor.judge(502, 'Bad Gateway')).toMatchObject({ kind: 'temporary', code: '502' });
  });

  it('Feishu: code 0 (or StatusCode 0) ok, 19021 bad signature, frequency limits retried', () => {
    expect(feishuVendor.judge(200, '{"code":0,"msg":"success","data":{}}')).toEqual({ ok: true });
    expect(feishuVendor.judge(200, '{"StatusCode":0,"StatusMessage":"success"}')).toEqual({ ok: true });
    expect(
      feishuVendor.judge(200, '{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour"}'),
    ).toMatchObject({ code: '19021', kind: 'refused', hint: 'robot.hint.signature' });
    expect(feishuVendor.judge(200, '{"code":11232,"msg":"frequency limited"}')).toMatchObject({ kind: 'rate_limited' });
    expect(feishuVendor.judge(429, '')).toMatchObject({ kind: 'rate_limited', code: '429' });
  });
});

describe('text helpers', () => {
  it('puts the subject above a body without a heading', () => {
    expect(markdownOf('测试消息', '正文')).toBe('### 测试消息\n正文');
    expect(markdownOf('升级', '### 工单升级\n正文')).toBe('### 工单升级\n正文');
  });

  it('turns markdown into plain text', () => {
    expect(plainText('### 标题\n**粗体** [链接](https://x.example/a) <font color="warning">警告</font>')).toBe(
      '标题\n粗体 链接 https://x.example/a 警告',
    );
  });

  it('masks keys, tokens and Feishu hook tokens in logged URLs', () => {
    expect(maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    );
    expect(maskUrl('https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e', true)).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/***',
    );
  });
});

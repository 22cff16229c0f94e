import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../lib/deps.js';
import { deliverToRobot, robotMessageOf } from './robot.adapter.js';
import type { RobotTarget } from './vendor.contract.js';

let server: http.Server;
let base = '';
let answer: { status: number; body: string } = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const deps = (allowPrivate: boolean) => ({ config: { outbound: { allowPrivate } } }) as unknown as Deps;
const robot = (over: Partial<RobotTarget> = {}): RobotTarget => ({
  kind: 'dingtalk',
  url: `${base}/robot/send?access_token=tok`,
  secret: 'SECx',
  format: 'markdown',
  mentionMobiles: [],
  ...over,
});
const message = robotMessageOf({
  subject: '测试消息',
  body: '这是测试。',
  headers: { link: 'https://kefu.example.com/tickets/1' },
  locale: 'zh-CN',
});

describe('deliverToRobot', () => {
  it('sends and logs the request with the token and signature masked', async () => {
    answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
    const result = await deliverToRobot(deps(true), robot(), message, 'zh-CN');
    expect(result).toMatchObject({ ok: true, status: 200, retryable: false });
    expect(result.request).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/robot\/send\?access_token=\*\*\*&timestamp=\d+&sign=\*\*\*\n/,
    );
    expect(result.request).toContain('"msgtype":"markdown"');
    expect(result.response).toBe('{"errcode":0,"errmsg":"ok"}');
  });

  it('shows a vendor refusal with its code and a hint, in the robot’s language, not retried', async () => {
    answer = { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    const zh = await deliverToRobot(deps(true), robot(), message, 'zh-CN');
    expect(zh).toMatchObject({ ok: false, status: 200, retryable: false });
    expect(zh.error).toBe('钉钉拒收，错误码 310000：sign not match（请核对加签密钥、自定义关键词或 IP 白名单设置）');
    const en = await deliverToRobot(deps(true), robot(), message, 'en');
    expect(en.error).toBe(
      'DingTalk refused it, error 310000: sign not match (check the signing secret, the custom keywords or the IP allow-list)',
    );
  });

  it('asks to wait when rate limited', async () => {
    answer = { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' };
    const result = await deliverToRobot(deps(true), robot({ kind: 'wecom', secret: null }), message, 'zh-CN');
    expect(result).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 60 });
    expect(result.error).toContain('45009');
  });

  it('retries a 5xx answer and a network failure', async () => {
    answer = { status: 503, body: 'busy' };
    expect(await deliverToRobot(deps(true), robot(), message, 'zh-CN')).toMatchObject({
      ok: false,
      status: 503,
      retryable: true,
    });
    const down = await deliverToRobot(deps(true), robot({ url: 'http://127.0.0.1:9/robot/send' }), message, 'zh-CN');
    expect(down).toMatchObject({ ok: false, status: null, retryable: true });
    expect(down.error).toContain('无法送达');
  });

  it('never calls a private address unless allowed, and does not retry it', async () => {
    const result = await deliverToRobot(deps(false), robot(), message, 'zh-CN');
    expect(result).toMatchObject({ ok: false, status: null, retryable: false });
    expect(result.error).toContain('127.0.0.1');
  });
});

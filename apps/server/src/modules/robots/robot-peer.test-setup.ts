import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the three vendors' robot webhooks, checking requests the way each vendor
 * documents it (written again here, apart from the adapter's signers: a mistake in one is caught
 * by the other), and answering like the vendor:
 * - WeCom `POST /cgi-bin/webhook/send?key=K`: `{ errcode: 0, errmsg: 'ok' }`, or 93000 for an unknown key.
 * - DingTalk `POST /robot/send?access_token=T&timestamp=&sign=`: the sign must equal
 *   urlEncode(Base64(HmacSHA256(secret, timestamp + "\n" + secret))) and the timestamp (ms) be within
 *   an hour, else `{ errcode: 310000, errmsg: 'sign not match…' }`.
 * - Feishu `POST /open-apis/bot/v2/hook/<token>`: body `timestamp` (s) within an hour and `sign` =
 *   Base64(HmacSHA256(key = timestamp + "\n" + secret, empty)), else `{ code: 19021, … }`.
 */
export type RobotPeerRequest = {
  vendor: 'wecom' | 'dingtalk' | 'feishu';
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  accepted: boolean;
};

export type RobotPeer = {
  /** Base URL, e.g. http://127.0.0.1:12345 */
  url: string;
  requests: RobotPeerRequest[];
  close(): Promise<void>;
};

const HOUR_MS = 3600_000;

/** `a=b&c=d` decoded with decodeURIComponent (no `+` for space, as the signature is percent-encoded). */
function decodeQuery(search: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    params[decodeURIComponent(at < 0 ? pair : pair.slice(0, at))] =
      at < 0 ? '' : decodeURIComponent(pair.slice(at + 1));
  }
  return params;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function startRobotPeer(options: {
  /** WeCom keys accepted. */
  wecomKeys: string[];
  /** DingTalk access token → secret. */
  dingtalk: Record<string, string>;
  /** Feishu hook token → secret. */
  feishu: Record<string, string>;
}): Promise<RobotPeer> {
  const requests: RobotPeerRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [path = '', search = ''] = (req.url ?? '').split('?');
      const query = decodeQuery(search);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end('bad json');
        return;
      }
      const answer = (
        status: number,
        json: Record<string, unknown>,
        record: Omit<RobotPeerRequest, 'path' | 'query' | 'body'>,
      ) => {
        requests.push({ ...record, path, query, body });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) {
        res.writeHead(405).end();
        return;
      }
      if (path === '/cgi-bin/webhook/send') {
        const ok = options.wecomKeys.includes(query.key ?? '');
        answer(200, ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 93000, errmsg: 'invalid webhook url, hint: [x]' }, {
          vendor: 'wecom',
          accepted: ok,
        });
        return;
      }
      if (path === '/robot/send') {
        const secret = options.dingtalk[query.access_token ?? ''];
        if (secret === undefined) {
          answer(200, { errcode: 300001, errmsg: 'token is not exist' }, { vendor: 'dingtalk', accepted: false });
          return;
        }
        const timestamp = query.timestamp ?? '';
        const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
        const fresh = Math.abs(Date.now() - Number(timestamp)) < HOUR_MS;
        const ok = fresh && same(query.sign ?? '', expected);
        answer(200, ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match, more: [x]' }, {
          vendor: 'dingtalk',
          accepted: ok,
        });
        return;
      }
      const hook = /^\/open-apis\/bot\/v2\/hook\/([^/]+)$/.exec(path);
      if (hook) {
        const secret = options.feishu[hook[1] ?? ''];
        if (secret === undefined) {
          answer(
            200,
            { code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' },
            {
              vendor: 'feishu',
              accepted: false,
            },
          );
          return;
        }
        const timestamp = String(body.timestamp ?? '');
        const expected = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
        const fresh = Math.abs(Date.now() - Number(timestamp) * 1000) < HOUR_MS;
        const ok = typeof body.timestamp === 'string' && fresh && same(String(body.sign ?? ''), expected);
        answer(
          200,
          ok
            ? { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' }
            : { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' },
          { vendor: 'feishu', accepted: ok },
        );
        return;
      }
      res.writeHead(404).end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

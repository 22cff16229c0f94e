import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import {
  assertPublicUrl,
  blockedRange,
  MAX_RESPONSE_BYTES,
  OutboundError,
  type OutboundResolver,
  postOutbound,
} from './outbound-http.js';

let server: http.Server;
let port = 0;
const seen: { method?: string; url?: string; host?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, host: req.headers.host, body });
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end('moved');
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(MAX_RESPONSE_BYTES * 3));
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 2000);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'x-one': 'a' }).end('{"errcode":0,"errmsg":"ok"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A resolver that points every name at the given address (a DNS name "resolving to 10.x"). */
const pointAt =
  (address: string): OutboundResolver =>
  async () => [{ address, family: address.includes(':') ? 6 : 4 }];

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('blockedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['fc00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a00:1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:a00:1::1', '6to4'],
  ])('%s is refused (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700::1111', '64:ff9b::808:808'])('%s is public', (address) => {
    expect(blockedRange(address)).toBeNull();
  });
});

describe('assertPublicUrl', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://[::1]:8080/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.5/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/',
    'http://0x7f.1/',
  ])('refuses %s', async (url) => {
    const err = await refusal(assertPublicUrl(url, false));
    expect(err.code).toBe('outbound.blocked_address');
    expect(err.status).toBe(400);
  });

  it('refuses a DNS name resolving to 10.x', async () => {
    const err = await refusal(assertPublicUrl('https://hooks.example.com/x', false, { resolve: pointAt('10.9.8.7') }));
    expect(err.code).toBe('outbound.blocked_address');
    expect(err.params).toMatchObject({ host: 'hooks.example.com', address: '10.9.8.7', range: 'private' });
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolve: OutboundResolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const err = await refusal(assertPublicUrl('https://mixed.example.com/', false, { resolve }));
    expect(err.code).toBe('outbound.blocked_address');
  });

  it.each(['ftp://example.com/x', 'file:///etc/passwd', 'not a url', 'http://user:pw@example.com/', 'gopher://x'])(
    'refuses the malformed or non-http URL %s',
    async (url) => {
      const err = await refusal(assertPublicUrl(url, false));
      expect(err.code).toBe('outbound.bad_url');
    },
  );

  it('allows everything when private addresses are allowed', async () => {
    await assertPublicUrl('http://127.0.0.1/', true);
    await assertPublicUrl('http://[::1]/', true);
    await assertPublicUrl('http://169.254.169.254/', true);
    await assertPublicUrl('https://intranet.example.com/', true, { resolve: pointAt('10.0.0.1') });
  });

  it('allows a public address and a public name', async () => {
    await assertPublicUrl('https://93.184.216.34/hook', false);
    await assertPublicUrl('https://oapi.example.com/robot/send', false, { resolve: pointAt('93.184.216.34') });
  });

  it('lets a name that does not resolve through (the delivery checks again)', async () => {
    const resolve: OutboundResolver = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    await assertPublicUrl('https://nowhere.invalid/', false, { resolve });
  });
});

describe('postOutbound', () => {
  it('refuses a loopback target before connecting', async () => {
    const before = seen.length;
    const err = await refusal(postOutbound(`http://127.0.0.1:${port}/`, '{}', { allowPrivate: false }));
    expect(err.code).toBe('outbound.blocked_address');
    const err6 = await refusal(postOutbound(`http://[::ffff:127.0.0.1]:${port}/`, '{}', { allowPrivate: false }));
    expect(err6.code).toBe('outbound.blocked_address');
    expect(seen.length).toBe(before);
  });

  it('refuses a name that resolves to loopback', async () => {
    const before = seen.length;
    const err = await refusal(
      postOutbound(`http://robot.example.com:${port}/`, '{}', { allowPrivate: false, resolve: pointAt('127.0.0.1') }),
    );
    expect(err.code).toBe('outbound.blocked_address');
    expect(seen.length).toBe(before);
  });

  it('connects to the checked address, keeping the name as Host', async () => {
    let lookups = 0;
    const resolve: OutboundResolver = async () => {
      lookups += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const res = await postOutbound(`http://robot.example.com:${port}/send?key=k`, '{"a":1}', {
      allowPrivate: true,
      resolve,
      headers: { 'X-Test': 'yes' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(res.headers['x-one']).toBe('a');
    expect(lookups).toBe(1);
    const last = seen.at(-1);
    expect(last).toMatchObject({
      method: 'POST',
      url: '/send?key=k',
      host: `robot.example.com:${port}`,
      body: '{"a":1}',
    });
  });

  it('does not follow redirects', async () => {
    const res = await postOutbound(`http://127.0.0.1:${port}/redirect`, '{}', { allowPrivate: true });
    expect(res.status).toBe(302);
    expect(res.body).toBe('moved');
  });

  it('caps the answer at 64 KiB', async () => {
    const res = await postOutbound(`http://127.0.0.1:${port}/big`, '{}', { allowPrivate: true });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(MAX_RESPONSE_BYTES);
  });

  it('times out with a readable OutboundError', async () => {
    const err = await postOutbound(`http://127.0.0.1:${port}/slow`, '{}', { allowPrivate: true, timeoutMs: 200 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).code).toBe('ETIMEDOUT');
    expect((err as OutboundError).message).toContain('No answer');
  });

  it('reports a refused connection as an OutboundError', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await postOutbound(`http://127.0.0.1:${closedPort}/`, '{}', { allowPrivate: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).code).toBe('ECONNREFUSED');
  });
});

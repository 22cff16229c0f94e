import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../helpers.js';
import { type Child, spawnServerMain } from './support.js';

describe.runIf(TEST_DB === 'pglite')('PGlite data directory lock', () => {
  let dataDir = '';
  const children: Child[] = [];
  const env = {
    KEFU_DATA_DIR: '',
    DATABASE_URL: undefined,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    KEFU_SEED_DEMO: 'false',
    KEFU_ADMIN_PASSWORD: 'Admin12345',
    KEFU_SECRET: 'multi-instance-test-secret',
    LOG_LEVEL: 'info',
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-lock-'));
    env.KEFU_DATA_DIR = dataDir;
  });

  function start(): Child {
    const child = spawnServerMain(env);
    children.push(child);
    return child;
  }

  /** Waits for Fastify's "Server listening at …" log line and checks the health endpoint answers. */
  async function listening(child: Child, timeoutMs = 150_000): Promise<string> {
    const [, url] = await child.waitForOutput(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/, timeoutMs);
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ database: 'pglite' });
    return url as string;
  }

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGKILL')));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Boots take seconds, but a minute and more on a 2-CPU machine loaded by parallel test runs.
  it('refuses a second process while the first lives, and takes over a SIGKILLed one at once', {
    timeout: 400_000,
  }, async () => {
    const t0 = Date.now();
    const first = start();
    await listening(first);
    const firstBootMs = Date.now() - t0;

    const t1 = Date.now();
    const second = start();
    const refused = await second.exited;
    const refusalMs = Date.now() - t1;
    expect(refused.code).not.toBe(0);
    expect(second.stderr).toContain('Another Kefu process');
    expect(second.stderr).toContain(dataDir);
    expect(first.running).toBe(true);

    first.process.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();

    // The lock directory stays behind, but it names the killed process (PID + start time), which
    // no longer runs: the next start takes it over without waiting for it to go stale.
    const lockPath = path.join(dataDir, 'kefu.lock');
    expect(fs.existsSync(lockPath)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(lockPath, 'owner.json'), 'utf8'))).toMatchObject({
      pid: first.process.pid,
    });

    const taker = start();
    await listening(taker);
    const takeoverMs = Date.now() - killedAt;
    expect(taker.stderr).not.toContain('Another Kefu process');
    console.log(
      `[multi-instance] first boot ${firstBootMs} ms; refusal ${refusalMs} ms; taken over (one boot) ${takeoverMs} ms after SIGKILL`,
    );
  });
});

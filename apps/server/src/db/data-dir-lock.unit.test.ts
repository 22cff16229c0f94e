import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentProcess, processStartTicks } from '../lib/process-liveness.js';
import { acquireDataDirLock, DataDirLockedError, LOCK_STALE_MS } from './data-dir-lock.js';

describe('data directory lock: a dead holder is detected at once, a live one keeps the lock', () => {
  let dir = '';
  const releases: (() => Promise<void>)[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-lock-unit-'));
  });
  afterEach(async () => {
    for (const release of releases.splice(0)) await release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const lockDir = () => path.join(dir, 'kefu.lock');
  /** Leaves a lock as a holder `owner` would have (or, with `null`, a lock without an owner file). */
  function plantLock(owner: object | null, ageMs = 0) {
    fs.mkdirSync(lockDir());
    if (owner) fs.writeFileSync(path.join(lockDir(), 'owner.json'), JSON.stringify(owner));
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(lockDir(), t, t);
  }
  async function acquire() {
    const release = await acquireDataDirLock(dir);
    releases.push(release);
    return release;
  }

  it('refuses a second holder while the first holds it, and frees the lock on release', async () => {
    const release = await acquire();
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    expect(fs.existsSync(lockDir())).toBe(false);
    await acquire();
  });

  it('takes over at once the fresh lock of a process that has exited', async () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    plantLock({ ...currentProcess(), pid: child.pid, start: '12345' });
    await acquire();
    const owner = JSON.parse(fs.readFileSync(path.join(lockDir(), 'owner.json'), 'utf8'));
    expect(owner.pid).toBe(process.pid);
  });

  it('takes over when the PID now belongs to another process (other start time)', async () => {
    plantLock({ ...currentProcess(), start: '1' });
    await acquire();
  });

  it('takes over a holder from before a reboot (other boot id)', async () => {
    plantLock({ ...currentProcess(), boot: 'another-boot' });
    await acquire();
  });

  it.runIf(process.platform === 'linux')('refuses while another live process holds it', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const pid = child.pid as number;
      const start = processStartTicks(pid);
      expect(start).toBeTruthy();
      plantLock({ ...currentProcess(), pid, start }, 60_000); // old mtime: the PID, not the mtime, decides
      await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      await acquire();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('judges a holder on another host by the lock’s mtime', async () => {
    plantLock({ ...currentProcess(), host: 'another-host.example' });
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    fs.utimesSync(lockDir(), old, old);
    await acquire();
  });

  it.runIf(process.platform === 'linux')(
    'judges a holder in another PID namespace (a container) by the mtime too',
    async () => {
      plantLock({ ...currentProcess(), pid: 1, ns: 'pid:[1]' });
      await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
      fs.utimesSync(lockDir(), old, old);
      await acquire();
    },
  );

  it('treats a lock without an owner (being created, or an older Kefu) as held until it is stale', async () => {
    plantLock(null);
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    fs.utimesSync(lockDir(), old, old);
    await acquire();
  });

  it('lets exactly one of several racing newcomers take over a dead lock', async () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    plantLock({ ...currentProcess(), pid: child.pid, start: '12345' });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => acquireDataDirLock(dir)));
    const won = results.filter((r): r is PromiseFulfilledResult<() => Promise<void>> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DataDirLockedError);
    releases.push(...won.map((r) => r.value));
  });
});

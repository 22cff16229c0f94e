import fs from 'node:fs';
import path from 'node:path';
import { currentProcess, isProcessAlive, type ProcessIdentity, parseIdentity } from '../lib/process-liveness.js';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another Kefu process is already using the data directory ${dataDir}. ` +
        'Embedded PGlite allows one process per data directory: stop the other process, choose another ' +
        'KEFU_DATA_DIR, or set DATABASE_URL to run several instances on one PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** A holder we cannot check by its process (another host, or no owner file) is stale after this. */
export const LOCK_STALE_MS = 10_000;
const REFRESH_MS = 2_000;
const OWNER_FILE = 'owner.json';

type Holder = { owner: ProcessIdentity | null; raw: string | null; mtimeMs: number };

function readHolder(lockDir: string): Holder | null {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockDir).mtimeMs;
  } catch {
    return null; // released meanwhile
  }
  let raw: string | null = null;
  try {
    raw = fs.readFileSync(path.join(lockDir, OWNER_FILE), 'utf8');
  } catch {
    // Being created (mkdir done, owner not yet written), or a lock of an older Kefu.
  }
  return { owner: parseIdentity(raw), raw, mtimeMs };
}

/**
 * Whether the holder still holds the lock: on this host, exactly while its process runs (PID and
 * start time, so a dead holder is noticed at once and a reused PID is not mistaken for it); a
 * holder on another host, or one that has not written its owner file, while it keeps refreshing
 * the lock directory's mtime.
 */
export function isLockHeld(holder: Holder, now = Date.now()): boolean {
  const alive = holder.owner ? isProcessAlive(holder.owner) : undefined;
  return alive ?? now - holder.mtimeMs < LOCK_STALE_MS;
}

/** Written to a temporary file and renamed, so that a reader never sees half an owner. */
function writeOwner(lockDir: string, me: ProcessIdentity): void {
  const tmp = path.join(lockDir, `${OWNER_FILE}.${me.nonce}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(me));
  fs.renameSync(tmp, path.join(lockDir, OWNER_FILE));
  const now = new Date();
  fs.utimesSync(lockDir, now, now);
}

/**
 * Replaces a dead holder by `me`. Only one process at a time may do that (the `.takeover`
 * directory, made with an atomic mkdir), and it checks again under that guard that the holder is
 * still the dead one it saw: the lock directory itself never disappears, so no newcomer can slip
 * in between. A guard left by a process killed in the middle of a takeover goes stale.
 */
function takeOver(lockDir: string, seen: Holder, me: ProcessIdentity): boolean {
  const guard = `${lockDir}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const guardAge = Date.now() - (readHolder(guard)?.mtimeMs ?? Date.now());
    if (guardAge > LOCK_STALE_MS) fs.rmSync(guard, { recursive: true, force: true });
    return false;
  }
  try {
    const again = readHolder(lockDir);
    if (!again || again.raw !== seen.raw || isLockHeld(again)) return false;
    writeOwner(lockDir, me);
    return true;
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
}

/**
 * Holds `<dataDir>/kefu.lock` for the life of the process. PGlite has no multi-process support and
 * a second writer silently corrupts its files, so a second process is refused. The lock records
 * its holder (host, PID, process start time, boot id): a lock left by a killed process is taken
 * over at once on the next start, while a live holder keeps it (see `isLockHeld`).
 */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockDir = path.join(dataDir, 'kefu.lock');
  const me = currentProcess();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      fs.mkdirSync(lockDir);
      writeOwner(lockDir, me);
      return hold(lockDir, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockDir);
    if (!holder) continue; // released between our mkdir and the read
    if (isLockHeld(holder)) throw new DataDirLockedError(dataDir);
    if (takeOver(lockDir, holder, me)) return hold(lockDir, me);
    await new Promise((resolve) => setTimeout(resolve, 20)); // another process is taking over
  }
  throw new DataDirLockedError(dataDir);
}

/**
 * Keeps the lock: refreshes its mtime (for holders that check us from another host) and checks
 * that the owner is still us; if someone took the lock (a clock jump on a shared disk), the
 * process stops before two writers meet. Returns the release function.
 */
function hold(lockDir: string, me: ProcessIdentity): () => Promise<void> {
  const mine = JSON.stringify(me);
  const ours = () => readHolder(lockDir)?.raw === mine;
  const timer = setInterval(() => {
    if (!ours()) {
      console.error(`Lost the data directory lock ${lockDir}: another process took it over.`);
      process.exit(70);
    }
    const now = new Date();
    try {
      fs.utimesSync(lockDir, now, now);
    } catch {
      // checked again at the next tick
    }
  }, REFRESH_MS);
  timer.unref();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    if (ours()) fs.rmSync(lockDir, { recursive: true, force: true });
  };
}

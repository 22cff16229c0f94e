import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

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

/**
 * Holds `<dataDir>/kefu.lock` for the life of the process. PGlite has no multi-process support and
 * a second writer silently corrupts its files, so a second process is refused instead. A lock left
 * by a killed process goes stale after 10 s and is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'kefu.lock'),
      stale: 10_000,
      update: 2_000,
      realpath: false,
      onCompromised: (error) => {
        // Someone else took our lock (e.g. the clock jumped): stop before two writers meet.
        console.error(`Lost the data directory lock: ${error.message}`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}

import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { FileStore } from './file-store.js';

const LEGACY_KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

/**
 * Moves the files an older version kept on this instance's disk (`<legacyDir>/<yyyy>/<mm>/<uuid>`)
 * into the file store under `<namespace>/<yyyy>/<mm>/<uuid>`, each removed from the disk once
 * stored (a rename on the same file system). Idempotent and resumable: run at every start, it
 * finds nothing once done. Anything else in the directory is left alone.
 */
export async function moveLegacyFiles(
  store: FileStore,
  legacyDir: string,
  namespace: string,
  logger?: Pick<Logger, 'info' | 'warn'>,
): Promise<number> {
  let entries: { name: string; parentPath: string; isFile(): boolean }[];
  try {
    entries = await fsp.readdir(legacyDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 0;
    throw error;
  }
  let moved = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(legacyDir, file).split(path.sep).join('/');
    if (!LEGACY_KEY.test(relative)) continue;
    await store.putFile(`${namespace}/${relative}`, file);
    moved += 1;
  }
  if (moved > 0) logger?.info({ moved, from: legacyDir, store: store.kind }, 'moved legacy files into the file store');
  return moved;
}

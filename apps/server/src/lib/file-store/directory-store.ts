import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, type FileStore, isNotFound } from './file-store.js';

/**
 * Files under one directory, `<dir>/<key>`: the default on PGlite (one instance, `KEFU_DATA_DIR`),
 * or a mount every instance shares. A file is written to `<dir>/.tmp/` and renamed into place, so
 * a reader never sees a partial file.
 */
export function directoryStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const tmpDir = path.join(root, '.tmp');
  const fileOf = (key: string) => path.join(root, ...assertKey(key).split('/'));

  async function place(key: string, from: string) {
    const target = fileOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(from, target);
  }

  async function put(key: string, source: Readable) {
    fileOf(key);
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    try {
      await pipeline(source, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      await place(key, tmp);
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  return {
    kind: 'directory',
    async verify() {
      await fsp.mkdir(tmpDir, { recursive: true });
    },
    put,
    async putFile(key, localPath) {
      try {
        await place(key, localPath);
      } catch (error) {
        // Another file system (EXDEV): copy through the temp dir instead.
        if ((error as { code?: string }).code !== 'EXDEV') throw error;
        await put(key, fs.createReadStream(localPath));
        await fsp.rm(localPath, { force: true });
      }
    },
    async open(key) {
      const file = fileOf(key);
      try {
        const handle = await fsp.open(file, 'r');
        const stat = await handle.stat();
        if (!stat.isFile()) {
          await handle.close();
          return null;
        }
        return { stream: handle.createReadStream(), size: stat.size };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
    async close() {},
  };
}

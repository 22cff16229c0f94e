import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * An upload spooled to this instance's disk while its sha256, size and first bytes are taken, so
 * that it is checked before it reaches the (shared) file store: a refused, empty or oversized file
 * never does. The caller hands `path` to `FileStore.putFile` or calls `discard`.
 */
export type SpooledFile = {
  path: string;
  size: number;
  sha256: string;
  /** The first `headBytes` bytes, for sniffing. */
  head: Buffer;
  /** The size limit cut the file short (a multipart stream's `truncated`). */
  truncated: boolean;
};

export async function spool(
  dir: string,
  stream: Readable & { truncated?: boolean },
  headBytes: number,
): Promise<SpooledFile> {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < headBytes) {
        const piece = chunk.subarray(0, headBytes - headLength);
        head.push(piece);
        headLength += piece.length;
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, tap, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard(file);
    throw error;
  }
  return {
    path: file,
    size,
    sha256: hash.digest('hex'),
    head: Buffer.concat(head),
    truncated: stream.truncated === true,
  };
}

export async function discard(file: string): Promise<void> {
  await fsp.rm(file, { force: true });
}

/**
 * Removes spooled files older than `olderThanMs` (an instance killed mid-upload leaves its spool
 * file behind); run at start. Files of uploads in progress are younger.
 */
export async function sweepSpool(dir: string, olderThanMs = 24 * 60 * 60_000): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > olderThanMs) {
      await discard(file);
      removed += 1;
    }
  }
  return removed;
}

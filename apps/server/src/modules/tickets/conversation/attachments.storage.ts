import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from './attachments.files.js';

/**
 * Attachment files on disk: `<dir>/<yyyy>/<mm>/<uuid>` (no name, no extension: the name lives in
 * the database). An upload is streamed to `<dir>/.tmp/` while its sha256 and size are computed, is
 * checked, and only then moved into place (same file system: an atomic rename).
 */
export type ReceivedFile = {
  tmpPath: string;
  size: number;
  sha256: string;
  /** The first bytes, for sniffing. */
  head: Buffer;
  /** The size limit cut the file short. */
  truncated: boolean;
};

export async function receiveFile(dir: string, stream: Readable & { truncated?: boolean }): Promise<ReceivedFile> {
  const tmpDir = path.join(dir, '.tmp');
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < SNIFF_BYTES) {
        const piece = chunk.subarray(0, SNIFF_BYTES - headLength);
        head.push(piece);
        headLength += piece.length;
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, tap, fs.createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard(tmpPath);
    throw error;
  }
  return { tmpPath, size, sha256: hash.digest('hex'), head: Buffer.concat(head), truncated: stream.truncated === true };
}

/** A new storage key: `<yyyy>/<mm>/<uuid>`. */
export function newStorageKey(at = new Date()): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${at.getUTCFullYear()}/${month}/${randomUUID()}`;
}

/** The file of a storage key, refusing anything that would leave `dir`. */
export function storedPath(dir: string, storageKey: string): string {
  if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(storageKey))
    throw new Error(`invalid attachment storage key ${storageKey}`);
  return path.join(dir, ...storageKey.split('/'));
}

/** Moves a received file to its place. */
export async function keepFile(dir: string, tmpPath: string, storageKey: string): Promise<void> {
  const target = storedPath(dir, storageKey);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await fsp.rename(tmpPath, target);
}

export async function discard(filePath: string): Promise<void> {
  await fsp.rm(filePath, { force: true });
}

export async function removeFile(dir: string, storageKey: string): Promise<void> {
  await discard(storedPath(dir, storageKey));
}

/** A read stream over the stored file, or null when it is missing on disk. */
export async function openFile(dir: string, storageKey: string): Promise<{ stream: Readable; size: number } | null> {
  const file = storedPath(dir, storageKey);
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) return null;
    return { stream: fs.createReadStream(file), size: stat.size };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

import type { Readable } from 'node:stream';

/**
 * Where files live (ticket attachments today): one store that every instance of the application
 * reaches — PostgreSQL (`database`), a directory (`directory`, PGlite's data dir or a shared
 * mount) or an S3-compatible bucket (`s3`). Chosen by configuration (`config.files`), see ADR 0008.
 *
 * Keys are `<namespace>/<segment>/…` (`attachments/2026/12/<uuid>`): lower-case namespace, then
 * segments of letters, digits, `.`, `_` and `-` that never start with a dot.
 */
export type FileStoreKind = 'database' | 'directory' | 's3';

export type StoredFile = { stream: Readable; size: number };

export type FileStore = {
  readonly kind: FileStoreKind;
  /** Checks at start that the store is reachable (creates the directory; the bucket must exist). */
  verify(): Promise<void>;
  /**
   * Stores the bytes of `source` under `key`, streamed, replacing what was there. All or nothing:
   * a reader sees the previous file or the complete new one, never a part.
   */
  put(key: string, source: Readable): Promise<void>;
  /**
   * Stores a local file under `key`, then removes the local file (the directory store renames it
   * into place when it can).
   */
  putFile(key: string, localPath: string): Promise<void>;
  /** A stream over the file and its size, or null when there is none under `key`. */
  open(key: string): Promise<StoredFile | null>;
  /** Removes the file; a missing file is no error. */
  remove(key: string): Promise<void>;
  close(): Promise<void>;
};

const KEY = /^[a-z][a-z0-9-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;

/** Refuses a key that is not of the documented shape (so none can leave a directory). */
export function assertKey(key: string): string {
  if (!KEY.test(key) || key.length > 512) throw new Error(`invalid file store key ${JSON.stringify(key)}`);
  return key;
}

/** Whether an error means "no such object" (S3 NoSuchKey/NotFound, a missing file). */
export function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return (
    e?.code === 'ENOENT' || e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
  );
}

import { randomUUID } from 'node:crypto';

/**
 * Where an attachment's bytes are: `ticket_attachments.storage_key` is `<yyyy>/<mm>/<uuid>` (no
 * name, no extension: the name lives in the database); the file store holds it under
 * `attachments/<storage key>` (lib/file-store, ADR 0008).
 */
export const ATTACHMENTS_NAMESPACE = 'attachments';

/** A new storage key: `<yyyy>/<mm>/<uuid>`. */
export function newStorageKey(at = new Date()): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${at.getUTCFullYear()}/${month}/${randomUUID()}`;
}

/** The file store key of a storage key, refusing anything not of its shape. */
export function fileKey(storageKey: string): string {
  if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(storageKey))
    throw new Error(`invalid attachment storage key ${storageKey}`);
  return `${ATTACHMENTS_NAMESPACE}/${storageKey}`;
}

import type { FileStoreConfig } from '../../config/config.js';
import type { Database } from '../../db/client.js';
import { databaseStore } from './database-store.js';
import { directoryStore } from './directory-store.js';
import type { FileStore } from './file-store.js';
import { s3Store } from './s3-store.js';

export type { FileStore, FileStoreKind, StoredFile } from './file-store.js';

/** The configured file store (config.files.store): `database`, `directory` or `s3`. */
export function createFileStore(config: FileStoreConfig, database: Database): FileStore {
  switch (config.kind) {
    case 'database':
      return databaseStore(database);
    case 'directory':
      return directoryStore(config.dir);
    case 's3':
      return s3Store(config);
  }
}

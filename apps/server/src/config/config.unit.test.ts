import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('needs nothing: PGlite in ./data, port 3000, Asia/Shanghai', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.seedDemo).toBe(true);
  });

  it('switches to PostgreSQL when DATABASE_URL is a postgres:// URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://kefu:pw@db:5432/kefu' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://kefu:pw@db:5432/kefu' });
  });

  it('fails fast with every problem named', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KEFU_SECRET: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KEFU_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('KEFU_SECRET');
    }
  });

  it('keeps files in PostgreSQL with DATABASE_URL, in the data dir on PGlite, in S3 when told', () => {
    expect(loadConfig({}).files.store).toEqual({ kind: 'directory', dir: path.resolve('data/files') });
    expect(loadConfig({}).attachments.legacyDir).toBe(path.resolve('data/attachments'));
    expect(loadConfig({ DATABASE_URL: 'postgres://db/kefu' }).files.store).toEqual({ kind: 'database' });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/kefu', KEFU_FILE_STORE: 'directory', KEFU_FILES_DIR: '/mnt/kefu' })
        .files,
    ).toEqual({ store: { kind: 'directory', dir: '/mnt/kefu' }, spoolDir: '/mnt/kefu/.tmp' });
    const s3 = loadConfig({
      KEFU_FILE_STORE: 's3',
      KEFU_S3_BUCKET: 'kefu-files',
      KEFU_S3_ENDPOINT: 'http://127.0.0.1:9000',
      KEFU_S3_FORCE_PATH_STYLE: 'true',
      KEFU_S3_ACCESS_KEY_ID: 'id',
      KEFU_S3_SECRET_ACCESS_KEY: 'secret',
      KEFU_S3_PREFIX: 'kefu/',
    }).files.store;
    expect(s3).toEqual({
      kind: 's3',
      bucket: 'kefu-files',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      prefix: 'kefu/',
    });
  });

  it('refuses an incomplete or contradictory file store configuration', () => {
    const message = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };
    expect(message({ KEFU_FILE_STORE: 's3' })).toContain('KEFU_S3_BUCKET: required');
    expect(message({ KEFU_S3_BUCKET: 'kefu-files' })).toContain('KEFU_FILE_STORE is directory');
    expect(message({ KEFU_FILE_STORE: 's3', KEFU_S3_BUCKET: 'b12', KEFU_S3_ACCESS_KEY_ID: 'id' })).toContain(
      'set both or neither',
    );
    expect(message({ KEFU_FILE_STORE: 'nfs' })).toContain('KEFU_FILE_STORE');
    expect(message({ KEFU_FILE_STORE: 's3', KEFU_S3_BUCKET: 'b12', KEFU_S3_PREFIX: '/abs' })).toContain(
      'KEFU_S3_PREFIX',
    );
  });

  it('derives the base URL from the port and strips a trailing slash', () => {
    expect(loadConfig({ PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ KEFU_BASE_URL: 'https://kefu.example.cn/' }).baseUrl).toBe('https://kefu.example.cn');
  });
});

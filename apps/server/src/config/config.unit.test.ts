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

  it('derives the base URL from the port and strips a trailing slash', () => {
    expect(loadConfig({ PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ KEFU_BASE_URL: 'https://kefu.example.cn/' }).baseUrl).toBe('https://kefu.example.cn');
  });
});

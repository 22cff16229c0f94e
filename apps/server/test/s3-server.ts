import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { FileStoreConfig } from '../src/config/config.js';

/**
 * A local S3-compatible server (s3rver, from npm: no Docker, no Java) on a free loopback port,
 * with one bucket, and the `s3` file store configuration that reaches it.
 */
export async function startS3Server(bucket = 'kefu-test') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: Extract<FileStoreConfig, { kind: 's3' }> = {
    kind: 's3',
    bucket,
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    // s3rver's fixed development credentials.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: 'kefu/',
  };
  return {
    config,
    directory,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

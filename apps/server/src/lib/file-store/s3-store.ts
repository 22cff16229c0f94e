import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertKey, type FileStore, isNotFound } from './file-store.js';

export type S3StoreOptions = {
  bucket: string;
  region: string;
  /** An S3-compatible service's address (MinIO, Ceph, OSS, COS …); AWS when absent. */
  endpoint?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (most self-hosted services). */
  forcePathStyle: boolean;
  /** Both or neither; neither = the SDK's default credential chain (environment, instance role …). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key, e.g. `kefu/`. */
  prefix: string;
};

/**
 * Files in an S3-compatible bucket (official AWS SDK v3). Uploads are streamed as a multipart
 * upload (`@aws-sdk/lib-storage`, 8 MiB parts, aborted on failure so no part is left behind);
 * S3 makes an object visible only once complete. The bucket is not created here: `verify` writes
 * and removes a probe at start, so a wrong bucket, endpoint or key fails the start.
 */
export function s3Store(options: S3StoreOptions): FileStore {
  const config: S3ClientConfig = {
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
  };
  const client = new S3Client(config);
  const Bucket = options.bucket;
  const objectKey = (key: string) => options.prefix + assertKey(key);

  async function put(key: string, source: Readable) {
    const upload = new Upload({
      client,
      params: { Bucket, Key: objectKey(key), Body: source, ContentType: 'application/octet-stream' },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  return {
    kind: 's3',
    async verify() {
      // A probe written and removed: the bucket exists and the credentials may write and delete
      // (object permissions only; no s3:ListBucket needed).
      const Key = `${options.prefix}kefu-probe/${randomUUID()}`;
      await client.send(new PutObjectCommand({ Bucket, Key, Body: '' }));
      await client.send(new DeleteObjectCommand({ Bucket, Key }));
    },
    put,
    async putFile(key, localPath) {
      await put(key, fs.createReadStream(localPath));
      await fs.promises.rm(localPath, { force: true });
    },
    async open(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        if (!object.Body) return null;
        return { stream: object.Body as Readable, size: Number(object.ContentLength ?? 0) };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async close() {
      client.destroy();
    },
  };
}

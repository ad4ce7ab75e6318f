import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { PhotoStorageOptions } from '../api.options';
import { requirePhotoKey, type PhotoStorage } from './photo-storage';

export type S3PhotoStorageOptions = Extract<PhotoStorageOptions, { kind: 's3' }>;

/**
 * Photos as private objects of one bucket of an S3-compatible store (AWS S3, MinIO, Ceph, a cloud's object
 * storage). Objects are written without an ACL, so the bucket's own policy (private) holds, and no object address
 * or presigned URL ever leaves the api: readers get the bytes from the api after its role and scope checks.
 */
export class S3PhotoStorage implements PhotoStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3PhotoStorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Checksums only where S3 requires them: several S3-compatible stores refuse the newer default ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: requirePhotoKey(key),
        Body: bytes,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: requirePhotoKey(key) }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  /** Closes the client's open connections. */
  close(): void {
    this.client.destroy();
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { createS3Client } from '../../server/media';
import { loadConfig, type S3StoreSettings } from '../../server/config';

const PREFIX = 'videoguida/test';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The variables that point a Videoguida process at this bucket (MEDIA_STORE=s3 and the rest). */
  env: Record<string, string>;
  settings: S3StoreSettings;
  /** Every key in the bucket under `prefix`. */
  keys(prefix?: string): Promise<string[]>;
  /** The names of the files published for a guide, sorted. */
  guideFiles(guideId: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A real S3 HTTP server (s3rver) on a random port of `address` (loopback by default), with its data in a temp directory and a
 * bucket of the test file's own. s3rver does not check V4 signatures: docs/deployment.md says what
 * else it leaves unchecked.
 */
export async function startTestS3(label: string, overrides: Record<string, string> = {}, address = '127.0.0.1'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vg-s3-${label}-`));
  const server = new S3rver({ address, port: 0, silent: true, directory: dir });
  const { port } = await server.run();
  const endpoint = `http://${address}:${port}`;
  const bucket = `vg-${label}-${process.pid}-${Date.now().toString(36)}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 63);
  const env: Record<string, string> = {
    MEDIA_STORE: 's3',
    MEDIA_S3_BUCKET: bucket,
    MEDIA_S3_PREFIX: PREFIX,
    MEDIA_S3_ENDPOINT: endpoint,
    MEDIA_S3_FORCE_PATH_STYLE: 'true',
    MEDIA_S3_REGION: 'eu-south-1',
    // s3rver's built-in account.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    ...overrides,
  };
  const settings = loadConfig({ NODE_ENV: 'test', ...env }).mediaStore as S3StoreSettings;
  const client = createS3Client(settings);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const keys = async (prefix = '') => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      out.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  };
  return {
    endpoint,
    bucket,
    env,
    settings,
    keys,
    guideFiles: async (guideId) => (await keys(`${env.MEDIA_S3_PREFIX}/guides/${guideId}/`)).map((k) => k.slice(k.lastIndexOf('/') + 1)).sort(),
    async close() {
      client.destroy();
      server.httpServer.closeAllConnections();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { ffprobeJson } from '../../render-worker/ffmpeg';
import { S3MediaStore } from '../../server/media';
import type { TestS3 } from './s3-server';

/**
 * The guide's video.mp4 as the bucket holds it is what the API streams: 64 KiB from its middle
 * through `rangeUrl` answer 206 with exactly those bytes, and the whole file through `fullUrl` (the
 * same by default) is an MP4 of H.264 and AAC.
 */
export async function expectStreamsStoredVideo(s3: TestS3, guideId: string, rangeUrl: string, fullUrl = rangeUrl): Promise<void> {
  const store = new S3MediaStore(s3.settings);
  try {
    const object = Buffer.from(
      await (await store.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: store.keyOf(guideId, 'video.mp4') }))).Body!.transformToByteArray(),
    );
    const mid = Math.floor(object.length / 2);
    const part = await fetch(rangeUrl, { headers: { range: `bytes=${mid}-${mid + 65_535}` } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes ${mid}-${mid + 65_535}/${object.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(object.subarray(mid, mid + 65_536))).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-stored-video-'));
    try {
      const out = path.join(dir, 'video.mp4');
      fs.writeFileSync(out, Buffer.from(await (await fetch(fullUrl)).arrayBuffer()));
      const probe = await ffprobeJson(out, ['-show_streams']);
      expect(probe.streams.map((s: { codec_name: string }) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    store.close();
  }
}

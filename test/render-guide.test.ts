import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captionCues } from '../compositions/captions';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { storyboardOf } from '../compositions/guide-types';
import { sampleGuide } from '../compositions/video/default-props';
import { useRenderBrowser } from './helpers/render-browser';
import { renderGuide } from '../render-worker/render-guide';
import { moovBeforeMdat, probeVideo, vttAsSrt } from './helpers/ffprobe';

// One bundle and one Chromium for the whole file; short frame ranges keep it within CI budget.
const r = useRenderBrowser('render-guide');

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('one-guide render', () => {
  it.each(GUIDE_TYPES as unknown as GuideType[])(
    '%s: 30 frames across a scene join become H.264, 30 fps, yuv420p, moov first, with captions and chapters',
    async (type) => {
      const guide = sampleGuide(type);
      const sb = storyboardOf(guide);
      const join = sb.scenes[1]!.from;
      const range: [number, number] = [join - 10, join + 19];
      const out = path.join(r.dir, type);
      const stages = new Set<string>();
      const result = await renderGuide({
        guide,
        outDir: out,
        frameRange: range,
        serveUrl: r.serveUrl,
        browser: r.browser,
        onProgress: (p) => stages.add(p.stage),
      });

      const v = await probeVideo(result.video);
      expect(v.codec).toBe('h264');
      expect(v.pixFmt).toBe('yuv420p');
      expect(v.fps).toBe(30);
      expect([v.width, v.height]).toEqual([1280, 720]);
      expect(v.frames).toBe(range[1] - range[0] + 1);
      expect(await moovBeforeMdat(result.video)).toBe(true);
      expect([...stages]).toEqual(['preparing', 'rendering', 'poster', 'done']);

      const poster = await probeVideo(result.poster);
      expect([poster.codec, poster.width, poster.height]).toEqual(['mjpeg', 1280, 720]);

      // ffmpeg parses the captions, and they carry every scene's narration in order.
      const cues = await vttAsSrt(path.join(out, 'captions.vtt'));
      expect(norm(cues.map((c) => c.text).join(' '))).toBe(norm(sb.scenes.map((s) => s.narration[sb.locale]).join(' ')));
      expect(cues.length).toBe(captionCues(sb).length);
      cues.slice(1).forEach((c, i) => expect(c.start).toBeGreaterThanOrEqual(cues[i]!.end - 1e-6));
      const other = sb.locale === 'it' ? 'en' : 'it';
      const otherCues = await vttAsSrt(path.join(out, `captions.${other}.vtt`));
      expect(norm(otherCues.map((c) => c.text).join(' '))).toBe(norm(sb.scenes.map((s) => s.narration[other]).join(' ')));

      const chapters = JSON.parse(await fs.readFile(result.chapters, 'utf8')) as { id: string; start: number; end: number }[];
      expect(chapters.map((c) => c.id)).toEqual(sb.scenes.map((s) => s.id));
      expect(chapters.at(-1)!.end).toBeCloseTo(sb.durationInFrames / 30, 3);

      // Nothing temporary is left behind.
      expect((await fs.readdir(out)).sort()).toEqual(['captions.en.vtt', 'captions.it.vtt', 'captions.vtt', 'chapters.json', 'poster.jpg', 'video.mp4']);
    },
    120_000,
  );

  it('renders 1080p by scaling the 720p design 1.5x', async () => {
    const guide = sampleGuide('naspi');
    const result = await renderGuide({ guide, outDir: path.join(r.dir, '1080p'), frameRange: [40, 44], scale: 1.5, serveUrl: r.serveUrl, browser: r.browser });
    const v = await probeVideo(result.video);
    expect([v.width, v.height, v.frames]).toEqual([1920, 1080, 5]);
    expect(await moovBeforeMdat(result.video)).toBe(true);
  }, 120_000);

  it('refuses a frame range outside the guide before rendering anything', async () => {
    const guide = sampleGuide('red');
    const total = storyboardOf(guide).durationInFrames;
    const out = path.join(r.dir, 'bad-range');
    await expect(renderGuide({ guide, outDir: out, frameRange: [total - 5, total + 5], serveUrl: r.serveUrl, browser: r.browser })).rejects.toThrow(
      /outside the guide/,
    );
    await expect(fs.readdir(out)).rejects.toThrow();
  });
});

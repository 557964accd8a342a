import { describe, expect, it } from 'vitest';
import { playableNarration } from '../player/shared/narration-format';

const track = { frames: { a: 10 }, sentences: { a: [] }, audio: { a: '/api/media/t/narration/a-0123456789abcdef.webm' } };

describe('live narration format in the browser', () => {
  it('keeps Opus in WebM where the browser plays it, and asks for AAC in MP4 where it does not', () => {
    expect(playableNarration(track, () => 'probably').audio!.a).toMatch(/\.webm$/);
    expect(playableNarration(track, (mime) => (mime.includes('opus') ? '' : 'maybe')).audio!.a).toBe('/api/media/t/narration/a-0123456789abcdef.m4a');
    const silent = { frames: { a: 10 }, sentences: { a: [] } };
    expect(playableNarration(silent, () => '')).toBe(silent);
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { webvtt } from '../compositions/captions/webvtt';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { LOCALES } from '../compositions/common/locale';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, publicPart, storyboardOf, type Guide } from '../compositions/guide-types';

// The W3C's own WebVTT parser (w3c/webvtt.js, the one behind the live validator); CommonJS, no types.
interface ParsedVtt {
  errors: { message: string; line: number }[];
  cues: { text: string }[];
}
const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as { WebVTTParser: new () => { parse(input: string, mode: string): ParsedVtt } };

describe('captions', () => {
  it.each(GUIDE_TYPES)('of %s guides conform to WebVTT in every language (W3C parser: no error)', (type) => {
    for (const envelope of generateEnvelopes(type, 12, 'webvtt')) {
      const guide = publicPart(envelopeSchema.parse(envelope));
      for (const locale of LOCALES) {
        const board = storyboardOf({ ...guide, locale } as Guide);
        const parsed = new WebVTTParser().parse(webvtt(board, locale), 'subtitles');
        expect(parsed.errors.map((e) => `line ${e.line}: ${e.message}`)).toEqual([]);
        expect(parsed.cues.length).toBeGreaterThan(board.scenes.length - 1);
      }
    }
  });
});

import path from 'node:path';
import { z } from 'zod';
import { routeByLocale, type SpeechEngine } from './engine';
import { espeakEngine } from './espeak';
import { festivalEngine } from './festival';
import { httpEngine } from './http-engine';

// Read here until server/config.ts takes these variables over (see docs/narration.md).
const voiceNames = z.object({ F: z.string().min(1), M: z.string().min(1) });
const env = z
  .object({
    DATA_DIR: z.string().default('./data'),
    SPEECH_ENGINE: z.enum(['default', 'espeak', 'http'], { error: 'expected default, espeak or http' }).default('default'),
    SPEECH_CACHE_DIR: z.string().optional(),
    SPEECH_HTTP_URL: z.url({ error: 'expected the speech service URL, e.g. https://tts.example/v1/speak' }).optional(),
    SPEECH_HTTP_KEY: z.string().optional(),
    SPEECH_HTTP_VOICES: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined) return undefined;
        try {
          return z.object({ it: voiceNames, en: voiceNames }).parse(JSON.parse(s));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'expected JSON {"it":{"F":"voice","M":"voice"},"en":{"F":"voice","M":"voice"}}' });
          return z.NEVER;
        }
      }),
  })
  .superRefine((e, ctx) => {
    if (e.SPEECH_ENGINE !== 'http') return;
    for (const k of ['SPEECH_HTTP_URL', 'SPEECH_HTTP_KEY', 'SPEECH_HTTP_VOICES'] as const) {
      if (!e[k]) ctx.addIssue({ code: 'custom', path: [k], message: `required when SPEECH_ENGINE=http` });
    }
  });

export interface SpeechConfig {
  engine: 'default' | 'espeak' | 'http';
  cacheDir: string;
  http?: { url: string; key: string; voices: { it: { F: string; M: string }; en: { F: string; M: string } } };
}

export function speechConfig(vars: Record<string, string | undefined> = process.env): SpeechConfig {
  const r = env.safeParse(vars);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new Error(`invalid speech configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    engine: e.SPEECH_ENGINE,
    cacheDir: path.resolve(e.SPEECH_CACHE_DIR ?? path.join(e.DATA_DIR, 'speech-cache')),
    ...(e.SPEECH_ENGINE === 'http' ? { http: { url: e.SPEECH_HTTP_URL!, key: e.SPEECH_HTTP_KEY!, voices: e.SPEECH_HTTP_VOICES! } } : {}),
  };
}

/** The offline default: Festival's Italian diphone voices for Italian, eSpeak NG for English. */
export const defaultEngine = (): SpeechEngine => routeByLocale({ it: festivalEngine(), en: espeakEngine() });

export function createEngine(config: SpeechConfig = speechConfig()): SpeechEngine {
  if (config.engine === 'espeak') return espeakEngine();
  if (config.engine === 'http' && config.http) return httpEngine(config.http);
  return defaultEngine();
}

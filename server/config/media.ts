import path from 'node:path';
import { z } from 'zod';
import { duration, optionalString } from './parse';

const voiceNames = z.object({ F: z.string().min(1), M: z.string().min(1) });
const voices = z.object({ it: voiceNames, en: voiceNames });

export const speechSchema = z.object({
  /** Narration: the offline default (Festival Italian, eSpeak NG English), eSpeak NG only, or a cloud engine. */
  SPEECH_ENGINE: z.enum(['default', 'espeak', 'http'], { error: 'expected default, espeak or http' }).default('default'),
  SPEECH_CACHE_DIR: optionalString,
  /** Sentence clips kept on a host's disk, least recently used evicted first (scene WAVs are not counted). */
  SPEECH_CACHE_MAX_GB: z.coerce.number().positive().default(2),
  SPEECH_HTTP_URL: optionalString.pipe(z.url({ error: 'expected the speech service URL, e.g. https://tts.example/v1/speak' }).optional()),
  SPEECH_HTTP_KEY: optionalString,
  /** The longest one call to the cloud speech engine may take, body included (it is tried twice on 429 and 5xx). */
  SPEECH_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100, 'at least 100 ms').max(300_000, 'at most 300000 ms').default(30_000),
  SPEECH_HTTP_VOICES: optionalString.transform((s, ctx) => {
    if (s === undefined) return undefined;
    try {
      return voices.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected JSON {"it":{"F":"voice","M":"voice"},"en":{"F":"voice","M":"voice"}}' });
      return z.NEVER;
    }
  }),
});

type SpeechVars = z.infer<typeof speechSchema>;

/** Runs on the whole schema: the cloud engine's settings are only required when it is chosen. */
export function requireHttpSpeech(e: SpeechVars, ctx: z.RefinementCtx): void {
  if (e.SPEECH_ENGINE !== 'http') return;
  for (const k of ['SPEECH_HTTP_URL', 'SPEECH_HTTP_KEY', 'SPEECH_HTTP_VOICES'] as const) {
    if (!e[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'required when SPEECH_ENGINE=http' });
  }
}

export interface SpeechConfig {
  engine: 'default' | 'espeak' | 'http';
  cacheDir: string;
  /** The clip cache's bound (SPEECH_CACHE_MAX_GB). */
  cacheMaxBytes: number;
  http?: { url: string; key: string; voices: z.infer<typeof voices>; timeoutMs: number };
}

export function speechSection(e: SpeechVars, dataDir: string): SpeechConfig {
  return {
    engine: e.SPEECH_ENGINE,
    cacheDir: path.resolve(e.SPEECH_CACHE_DIR ?? path.join(dataDir, 'speech-cache')),
    cacheMaxBytes: Math.round(e.SPEECH_CACHE_MAX_GB * 1024 ** 3),
    ...(e.SPEECH_ENGINE === 'http'
      ? { http: { url: e.SPEECH_HTTP_URL!, key: e.SPEECH_HTTP_KEY!, voices: e.SPEECH_HTTP_VOICES!, timeoutMs: e.SPEECH_HTTP_TIMEOUT_MS } }
      : {}),
  };
}

export const renderSchema = z.object({
  /** Chromium for renders; unset: /usr/bin/chromium, else Remotion's own download. */
  BROWSER_EXECUTABLE: optionalString,
  /** Render worker: where bundles, base loops and scene segments are cached, and how much disk they may use. */
  RENDER_CACHE_DIR: optionalString,
  /** Remotion bundles (by content hash); default $RENDER_CACHE_DIR/bundles. */
  BUNDLE_CACHE_DIR: optionalString,
  RENDER_CACHE_MAX_GB: z.coerce.number().positive().default(20),
  RENDER_RESOLUTION: z.enum(['720p', '1080p'], { error: 'expected 720p or 1080p' }).default('720p'),
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Chromium is closed and reopened after this many guides. */
  BROWSER_RECYCLE_AFTER: z.coerce.number().int().min(1).default(50),
  /** On SIGTERM a render in progress may run this long before it is aborted and requeued. */
  RENDER_SHUTDOWN_TIMEOUT: duration.default(20),
  /** A render job whose worker stops renewing its lock this long is taken over by another worker. */
  RENDER_LOCK_DURATION: duration.default(60),
  /** How often a running worker re-enqueues the guides the database says are queued and Redis lost. */
  RENDER_RECONCILE_INTERVAL: duration.refine((s) => s >= 1, 'at least 1s').default(60),
});

export interface RenderSettings {
  cacheDir: string;
  bundleDir: string;
  cacheMaxBytes: number;
  resolution: '720p' | '1080p';
  concurrency: number;
  browserRecycleAfter: number;
  shutdownTimeoutSeconds: number;
  lockDurationSeconds: number;
  reconcileIntervalSeconds: number;
}

export function renderSection(e: z.infer<typeof renderSchema>, dataDir: string): RenderSettings {
  const cacheDir = e.RENDER_CACHE_DIR ?? path.join(dataDir, 'cache');
  return {
    cacheDir: path.resolve(cacheDir),
    bundleDir: path.resolve(e.BUNDLE_CACHE_DIR ?? path.join(cacheDir, 'bundles')),
    cacheMaxBytes: Math.round(e.RENDER_CACHE_MAX_GB * 1024 ** 3),
    resolution: e.RENDER_RESOLUTION,
    concurrency: e.RENDER_CONCURRENCY,
    browserRecycleAfter: e.BROWSER_RECYCLE_AFTER,
    shutdownTimeoutSeconds: e.RENDER_SHUTDOWN_TIMEOUT,
    lockDurationSeconds: e.RENDER_LOCK_DURATION,
    reconcileIntervalSeconds: e.RENDER_RECONCILE_INTERVAL,
  };
}

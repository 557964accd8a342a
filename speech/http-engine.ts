import { z } from 'zod';
import type { Locale } from '../compositions/common/locale';
import { decodeToFloat } from './clip-audio';
import type { PresenterVoice, SpeechEngine, SynthesisRequest, SynthesisResult } from './engine';
import { wavDurationMs } from './espeak';
import { SAMPLE_RATE } from './wav';

/**
 * A cloud text-to-speech service behind the engine interface. The contract (docs/narration.md):
 *
 *   POST <url>
 *   Authorization: Bearer <key>
 *   Content-Type: application/json
 *   { "text": "...", "language": "it-IT" | "en-GB", "voice": "<name from the voices map>", "sampleRate": 48000 }
 *
 * answers 200 with either the audio itself (Content-Type audio/wav, audio/mpeg, audio/ogg...), or
 * JSON { "audio": "<base64>", "words"?: [{ "text", "startMs", "endMs" }] } when it has word timings.
 * Any other status is an error; 429 and 5xx are retried once. Each attempt, body included, must end
 * within `timeoutMs` (SPEECH_HTTP_TIMEOUT_MS, default 30 s): past it the sentence fails, naming the
 * service and the bound (the live narration falls back to captions; the render job is retried).
 */
export interface HttpEngineOptions {
  url: string;
  key: string;
  /** The service's voice names, per locale and presenter. */
  voices: Record<Locale, Record<PresenterVoice, string>>;
  /** Part of the cache key: bump it when the service's voices change. */
  version?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const LANGUAGE: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

const jsonAnswer = z.object({
  audio: z.string().min(1),
  words: z.array(z.object({ text: z.string(), startMs: z.number(), endMs: z.number() })).optional(),
});

export function httpEngine(options: HttpEngineOptions): SpeechEngine {
  const host = new URL(options.url).host;
  const version = options.version ?? '1';
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timedOut = (err: unknown): boolean => (err as Error)?.name === 'TimeoutError';
  const bounded = async <T>(what: Promise<T>): Promise<T> => {
    try {
      return await what;
    } catch (err) {
      if (timedOut(err)) throw new Error(`speech service ${host} did not answer within ${timeoutMs} ms (SPEECH_HTTP_TIMEOUT_MS)`);
      throw err;
    }
  };
  const post = (request: SynthesisRequest) =>
    doFetch(options.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json', accept: 'audio/*, application/json' },
      body: JSON.stringify({
        text: request.text,
        language: LANGUAGE[request.locale],
        voice: options.voices[request.locale][request.voice],
        sampleRate: 48_000,
      }),
      signal: request.signal ? AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
    });

  return {
    id: `http:${host}@${version}`,
    idFor: (locale, voice) => `http:${host}@${version}:${options.voices[locale][voice]}`,
    async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
      let res = await bounded(post(request));
      if (res.status === 429 || res.status >= 500) res = await bounded(post(request));
      if (res.status !== 200) {
        throw new Error(`speech service ${host} answered ${res.status}, expected 200 with audio`);
      }
      const type = res.headers.get('content-type') ?? '';
      let audio: Buffer;
      let words: SynthesisResult['words'];
      if (type.includes('json')) {
        const parsed = jsonAnswer.safeParse(await bounded(res.json()));
        if (!parsed.success) throw new Error(`speech service ${host} answered JSON without base64 "audio": ${parsed.error.issues[0]?.message}`);
        audio = Buffer.from(parsed.data.audio, 'base64');
        words = parsed.data.words;
      } else {
        audio = Buffer.from(await bounded(res.arrayBuffer()));
      }
      const durationMs = audio.toString('ascii', 0, 4) === 'RIFF' ? wavDurationMs(audio) : ((await decodeToFloat(audio)).length / SAMPLE_RATE) * 1000;
      return { audio, durationMs, ...(words ? { words } : {}) };
    },
  };
}

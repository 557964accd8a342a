import path from 'node:path';
import type { NarrationTrack } from '../../compositions/common/video-props';
import type { Guide } from '../../compositions/guide-types';
import type { Database } from '../../server/db/database';
import type { Logger } from '../../server/logger';
import { narrateStoredGuide, publicTrack, type SpeechContext } from '../../speech/guide-narration';

/** One scene's narration WAV: where it is, and the content hash its URL carries. */
export interface SceneAudio {
  path: string;
  /** First 16 hex digits of the file's content hash (its name): the URL changes when the sound does. */
  hash: string;
}

export interface LiveNarration {
  /** Timings only (frames, sentences); URLs are added per token by the manifest. */
  track: NarrationTrack;
  scenes: Map<string, SceneAudio>;
}

export type NarrationState = { status: 'ready'; live: LiveNarration } | { status: 'pending' } | { status: 'unavailable' };

export interface NarrationGuide {
  guide_id: string;
  type_version: string;
  data: Guide;
}

// Results are kept per process, bounded: re-narrating a guide whose clips are cached costs tens of
// milliseconds, so an evicted entry is cheap to rebuild, but the media route asks on every request.
const MAX_KEPT = 5_000;
// After a failure the engine is not asked again for this guide for a while: a broken engine must
// not be hammered by every page load and media request (the page falls back to captions).
const RETRY_AFTER_MS = 60_000;

/**
 * Live narration for guides not yet narrated by the render worker: synthesised on first access, at
 * most once at a time per guide (concurrent first accesses share one in-flight promise; synthesis is
 * deterministic, so a second process doing the same work writes the same values).
 */
export class LiveNarrations {
  private readonly kept = new Map<string, LiveNarration>();
  private readonly inFlight = new Map<string, Promise<LiveNarration | null>>();
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly speech: SpeechContext,
    private readonly logger: Logger,
  ) {}

  private static key(g: NarrationGuide): string {
    return `${g.guide_id}:${g.type_version}`;
  }

  /** What is known now, without waiting. */
  peek(g: NarrationGuide): NarrationState {
    const key = LiveNarrations.key(g);
    const live = this.kept.get(key);
    if (live) return { status: 'ready', live };
    const failed = this.failedAt.get(key);
    if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return { status: 'unavailable' };
    return { status: 'pending' };
  }

  /** Starts (or joins) the guide's narration; resolves null when the engine failed. */
  ensure(g: NarrationGuide): Promise<LiveNarration | null> {
    const key = LiveNarrations.key(g);
    const state = this.peek(g);
    if (state.status === 'ready') return Promise.resolve(state.live);
    if (state.status === 'unavailable') return Promise.resolve(null);
    let p = this.inFlight.get(key);
    if (!p) {
      p = this.narrate(g, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
    }
    return p;
  }

  /** The state after waiting at most `ms` for a narration in progress. */
  async within(g: NarrationGuide, ms: number): Promise<NarrationState> {
    const now = this.peek(g);
    if (now.status !== 'pending') return now;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    });
    const result = await Promise.race([this.ensure(g), timeout]);
    clearTimeout(timer);
    if (result === 'timeout') return { status: 'pending' };
    return result ? { status: 'ready', live: result } : { status: 'unavailable' };
  }

  private async narrate(g: NarrationGuide, key: string): Promise<LiveNarration | null> {
    const started = performance.now();
    try {
      const n = await narrateStoredGuide(this.db, g.guide_id, g.data, this.speech);
      const scenes = new Map(n.scenes.map((s) => [s.sceneId, { path: s.audioPath, hash: path.basename(s.audioPath, '.wav').slice(0, 16) }]));
      const live: LiveNarration = { track: publicTrack(n.track), scenes };
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, live);
      this.failedAt.delete(key);
      this.logger.info({ guideId: g.guide_id, guideType: g.data.type, synthesized: n.stats.synthesized, ms: Math.round(performance.now() - started) }, 'live narration ready');
      return live;
    } catch (err) {
      // The engine's message may quote the sentence it choked on (names, amounts): log its kind only.
      this.failedAt.set(key, Date.now());
      this.logger.warn({ guideId: g.guide_id, guideType: g.data.type, err: { type: (err as Error).name, code: (err as { code?: unknown }).code } }, 'live narration failed; captions only');
      return null;
    }
  }
}

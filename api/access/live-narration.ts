import fs from 'node:fs';
import path from 'node:path';
import type { NarrationTrack } from '../../compositions/common/video-props';
import type { NarrationStatus } from '../../contract/guide-status';
import { versionOf, type Guide } from '../../compositions/guide-types';
import type { Database } from '../../server/db/database';
import type { Logger } from '../../server/logger';
import { narrateStoredGuide, publicTrack, SCENE_AUDIO_NAME, sceneDirOf, type NarrationAudio, type SpeechContext } from '../../speech/guide-narration';

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

/** One per contract/guide-status.ts NARRATION_STATUSES (the manifest's narrationStatus). */
export type NarrationState = { status: 'ready'; live: LiveNarration } | { status: 'pending' } | { status: 'unavailable' };
// The manifest's narrationStatus is exactly these: this fails to compile if the two drift apart.
const sameStatuses: [NarrationState['status']] extends [NarrationStatus] ? ([NarrationStatus] extends [NarrationState['status']] ? true : never) : never = true;
void sameStatuses;

export interface NarrationGuide {
  guide_id: string;
  type_version: string;
  data: Guide;
  /** The stored public track (guides.narration). */
  narration?: NarrationTrack | null;
  /** Its scene WAVs by file name (guides.narration_audio, private): with both, the row alone can answer ready. */
  narration_audio?: NarrationAudio | null;
}

/** The scene WAV's URL hash: the first 16 hex digits of its content-hash file name. */
const hashOf = (file: string) => path.basename(file, '.wav').slice(0, 16);

// Results are kept per process, bounded: re-narrating a guide whose clips are cached costs tens of
// milliseconds, so an evicted entry is cheap to rebuild, but the media route asks on every request.
const MAX_KEPT = 5_000;
// After a failure the engine is not asked again for this guide for a while: a broken engine must
// not be hammered by every page load and media request (the page falls back to captions).
const RETRY_AFTER_MS = 60_000;

/**
 * Live narration for guides not rendered yet. A guide some process already narrated (the narrator
 * ahead of time, a render, this or another API) is answered from its row: the stored track and its
 * scene WAVs' names, checked against the row's type version and found in this host's scene directory
 * (one existence check per scene, once per process). Otherwise it is narrated on first access, at
 * most once at a time per guide (concurrent first accesses share one in-flight promise; synthesis is
 * deterministic, so a second process doing the same work writes the same values).
 */
export class LiveNarrations {
  private readonly kept = new Map<string, LiveNarration>();
  private readonly inFlight = new Map<string, Promise<LiveNarration | null>>();
  private readonly failedAt = new Map<string, number>();
  private readonly sceneDir: string;

  constructor(
    private readonly db: Database,
    private readonly speech: SpeechContext,
    private readonly logger: Logger,
  ) {
    this.sceneDir = sceneDirOf(speech);
  }

  private static key(g: NarrationGuide): string {
    return `${g.guide_id}:${g.type_version}`;
  }

  /** What is known now, without waiting. */
  peek(g: NarrationGuide): NarrationState {
    const key = LiveNarrations.key(g);
    const live = this.kept.get(key) ?? this.fromRow(g, key);
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

  /**
   * The narration stored on the row, when it is whole: track and scene files of the same narration
   * (one UPDATE writes both), narrated at the row's type version by this code's version of the type,
   * every scene of the track with a content-hash file name that exists in this host's scene dir.
   * Anything else (an older row without file names, another host's disk, a purged file): null, and
   * the guide is narrated as before, which writes the file back. Synchronous, because the manifest
   * route peeks without waiting: a few existence checks, then kept for the process.
   */
  private fromRow(g: NarrationGuide, key: string): LiveNarration | null {
    const track = g.narration;
    const stored = g.narration_audio;
    if (!track?.frames || !stored?.scenes || stored.typeVersion !== g.type_version || g.type_version !== versionOf(g.data.type)) return null;
    const ids = Object.keys(track.frames);
    if (ids.length === 0 || ids.length !== Object.keys(stored.scenes).length) return null;
    const scenes = new Map<string, SceneAudio>();
    for (const id of ids) {
      const name = stored.scenes[id];
      if (typeof name !== 'string' || !SCENE_AUDIO_NAME.test(name)) return null;
      const file = path.join(this.sceneDir, name);
      if (!fs.existsSync(file)) return null;
      scenes.set(id, { path: file, hash: hashOf(name) });
    }
    const live: LiveNarration = { track: publicTrack(track), scenes };
    this.keep(key, live);
    this.logger.info({ guideId: g.guide_id, guideType: g.data.type, source: 'stored' }, 'live narration ready');
    return live;
  }

  private keep(key: string, live: LiveNarration): void {
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, live);
    this.failedAt.delete(key);
  }

  private async narrate(g: NarrationGuide, key: string): Promise<LiveNarration | null> {
    const started = performance.now();
    try {
      const n = await narrateStoredGuide(this.db, g.guide_id, g.data, this.speech);
      const scenes = new Map(n.scenes.map((s) => [s.sceneId, { path: s.audioPath, hash: hashOf(s.audioPath) }]));
      const live: LiveNarration = { track: publicTrack(n.track), scenes };
      this.keep(key, live);
      this.logger.info(
        { guideId: g.guide_id, guideType: g.data.type, source: 'narrated', synthesized: n.stats.synthesized, ms: Math.round(performance.now() - started) },
        'live narration ready',
      );
      return live;
    } catch (err) {
      // The engine's message may quote the sentence it choked on (names, amounts): log its kind only.
      this.failedAt.set(key, Date.now());
      this.logger.warn(
        { guideId: g.guide_id, guideType: g.data.type, err: { type: (err as Error).name, code: (err as { code?: unknown }).code } },
        'live narration failed; captions only',
      );
      return null;
    }
  }
}

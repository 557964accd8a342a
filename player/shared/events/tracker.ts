import type { EventKind, ViewingEvent } from '../../../compositions/common/events';
import { uuid } from '../token';
import type { EventQueue } from './event-queue';

export interface TrackDetails {
  frame?: number;
  sceneId?: string;
  actionId?: string;
  value?: number;
}

/**
 * One view of one guide: turns what the citizen does into contract events. Progress is sent at
 * each 5% reached while watching, complete once per view (a replay inside the page is the same view).
 * Nothing personal: ids of scenes and actions (the same for every citizen), frames, small integers.
 */
export class ViewTracker {
  readonly viewId = uuid();
  private readonly progressSent = new Set<number>();
  private completed = false;

  constructor(
    private readonly queue: EventQueue,
    private readonly durationInFrames: () => number,
  ) {}

  track(kind: EventKind, d: TrackDetails = {}): void {
    const event: ViewingEvent = { id: uuid(), viewId: this.viewId, kind, at: new Date().toISOString() };
    if (d.frame !== undefined) event.frame = Math.max(0, Math.round(d.frame));
    if (d.sceneId !== undefined) event.sceneId = d.sceneId;
    if (d.actionId !== undefined) event.actionId = d.actionId;
    if (d.value !== undefined) event.value = Math.round(d.value);
    this.queue.push(event);
  }

  /** Called as playback advances (not on jumps): sends the 5% step just reached, once. */
  progress(frame: number): void {
    const total = this.durationInFrames();
    if (total <= 0) return;
    const step = Math.min(100, Math.floor(((frame + 1) / total) * 20) * 5);
    if (step <= 0 || this.progressSent.has(step)) return;
    this.progressSent.add(step);
    this.track('progress', { frame, value: step });
  }

  complete(frame: number): void {
    this.progress(this.durationInFrames() - 1);
    if (this.completed) return;
    this.completed = true;
    this.track('complete', { frame });
  }
}

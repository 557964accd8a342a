import type { Guide } from '../compositions/guide-types';

export interface RenderRequest {
  guideId: string;
  guide: Guide;
  /** Directory the renderer writes its outputs into (see outputs.ts for the names). */
  outDir: string;
  onProgress: (fraction: number) => void;
  signal: AbortSignal;
}

/** Anything that turns a guide into the output files: the compositing pipeline, or a naive full render. */
export interface GuideRenderer {
  readonly name: string;
  render(request: RenderRequest): Promise<void>;
  close(): Promise<void>;
}

/** Data that can never render (a schema violation): retrying would only fail again. */
export class InvalidGuideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidGuideError';
  }
}

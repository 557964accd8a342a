export interface CroppedLayer {
  /** PNG holding only the layer's visible pixels; absent when the layer is fully transparent. */
  path: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cropLayer(src: string, dest: string): CroppedLayer;

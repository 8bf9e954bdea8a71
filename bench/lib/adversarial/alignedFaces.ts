import type { Page } from '@playwright/test';
import { faceUrl } from '../harness';

export interface AlignedFace {
  /** The worker's embedding: what the app compares. */
  embedding: Float32Array;
  /** The aligned crop as RGB 0–255, size·size·3 values. */
  pixels: Float32Array;
}

/** Each photo's aligned crop and embedding through the real pipeline; null: no face. */
export async function alignedFaces(
  page: Page,
  photos: readonly string[],
  embedderId: string,
  size: number,
): Promise<Map<string, AlignedFace | null>> {
  const out = new Map<string, AlignedFace | null>();
  for (const photo of photos) {
    const r = await page.evaluate(([url, id]) => window.facegate.alignedFace(url, id), [
      faceUrl(photo),
      embedderId,
    ] as const);
    if (r.error) throw new Error(`${photo}: ${r.error.code} ${r.error.message}`);
    if (!r.value) {
      out.set(photo, null);
      continue;
    }
    const rgba = Buffer.from(r.value.crop, 'base64');
    if (rgba.length !== size * size * 4) throw new Error(`${photo}: the crop is not ${size}²`);
    const pixels = new Float32Array(size * size * 3);
    for (let i = 0, o = 0; i < rgba.length; i += 4) {
      pixels[o++] = rgba[i]!;
      pixels[o++] = rgba[i + 1]!;
      pixels[o++] = rgba[i + 2]!;
    }
    out.set(photo, { embedding: Float32Array.from(r.value.embedding), pixels });
  }
  return out;
}

/** RGB pixels back to the RGBA crop the app's embedder takes. */
export function toFaceCrop(pixels: Float32Array, size: number) {
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let i = 0, o = 0; i < pixels.length; i += 3, o += 4) {
    rgba[o] = pixels[i]!;
    rgba[o + 1] = pixels[i + 1]!;
    rgba[o + 2] = pixels[i + 2]!;
    rgba[o + 3] = 255;
  }
  return { rgba, size };
}

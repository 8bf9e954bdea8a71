import type { Page } from '@playwright/test';
import { faceUrl } from './harness';

export interface PhotoEmbedding {
  /** null when the detector found no face: the pair then counts as failed. */
  embedding: number[] | null;
  faces: number;
  totalMs: number;
}

/**
 * Embeds each photo through the real worker. LFW labels the face at the centre of each
 * photo, so where several faces are found the one nearest the centre is kept.
 */
export async function embedPhotos(
  page: Page,
  photos: readonly string[],
  onProgress?: (done: number) => void,
): Promise<Map<string, PhotoEmbedding>> {
  const out = new Map<string, PhotoEmbedding>();
  const batchSize = 50;
  for (let start = 0; start < photos.length; start += batchSize) {
    const batch = photos.slice(start, start + batchSize);
    const results = await page.evaluate(async (urls) => {
      const rows = [];
      for (const url of urls) {
        const r = await window.facegate.analyzeUrl(url, { embed: 'all' });
        if ('error' in r && r.error) throw new Error(`${url}: ${r.error.code} ${r.error.message}`);
        const { faces, frameWidth, frameHeight, timings } = r.value!;
        let best: (typeof faces)[number] | null = null;
        let bestDistance = Infinity;
        for (const f of faces) {
          const dx = f.box.x + f.box.width / 2 - frameWidth / 2;
          const dy = f.box.y + f.box.height / 2 - frameHeight / 2;
          const d = Math.hypot(dx, dy);
          if (d < bestDistance) [best, bestDistance] = [f, d];
        }
        rows.push({
          embedding: best?.embedding ?? null,
          faces: faces.length,
          totalMs: timings.totalMs,
        });
      }
      return rows;
    }, batch.map(faceUrl));
    batch.forEach((photo, i) => out.set(photo, results[i]!));
    onProgress?.(Math.min(start + batchSize, photos.length));
  }
  return out;
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

import { fitSimilarity, type SimilarityTransform } from '../biometrics/alignment';
import type { FaceKeypoints, Point } from '../biometrics/geometry';
import type { EmbedderEntry } from '../shared/manifest';
import type { FaceCrop } from './embedder';

const ALIGNED_KEYPOINTS = ['rightEye', 'leftEye', 'noseTip', 'mouthCenter'] as const;

/** The transform from frame pixels to the model's canonical face crop. */
export function alignmentFor(keypoints: FaceKeypoints, entry: EmbedderEntry): SimilarityTransform {
  const from: Point[] = ALIGNED_KEYPOINTS.map((name) => keypoints[name]);
  const to: Point[] = ALIGNED_KEYPOINTS.map((name) => {
    const [x, y] = entry.canonicalKeypoints[name];
    return { x, y };
  });
  return fitSimilarity(from, to);
}

/**
 * Draws the aligned face into a reusable canvas and reads its pixels. The canvas does
 * the resampling, so no tensor of the whole frame is ever made.
 */
export class Cropper {
  private canvas: OffscreenCanvas | null = null;
  private context: OffscreenCanvasRenderingContext2D | null = null;

  crop(frame: ImageBitmap, transform: SimilarityTransform, size: number): FaceCrop {
    const context = this.contextFor(size);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#000';
    context.fillRect(0, 0, size, size);
    const { a, b, tx, ty } = transform;
    context.setTransform(a, b, -b, a, tx, ty);
    context.drawImage(frame, 0, 0);
    return { rgba: context.getImageData(0, 0, size, size).data, size };
  }

  private contextFor(size: number): OffscreenCanvasRenderingContext2D {
    if (!this.canvas || this.canvas.width !== size) {
      this.canvas = new OffscreenCanvas(size, size);
      this.context = this.canvas.getContext('2d', { willReadFrequently: true });
      if (!this.context) throw new Error('no 2D canvas in this worker');
      this.context.imageSmoothingEnabled = true;
      this.context.imageSmoothingQuality = 'high';
    }
    return this.context!;
  }
}

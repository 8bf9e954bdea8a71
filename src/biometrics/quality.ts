import { distance, type Box, type FaceKeypoints } from './geometry';

/** Figures that tell whether a face is fit to enrol or verify. Pixels are frame pixels. */
export interface FaceQuality {
  /** Width of the detector's face box. */
  faceWidth: number;
  /** Distance between the eye centres. */
  interOcular: number;
  /** Smallest distance from the face box to a frame edge; negative when the box is cut off. */
  edgeMargin: number;
  /** Head turn in degrees: positive when the nose points to the frame's right. */
  yawDegrees: number;
  /** Head tilt in degrees: positive when the eye line slopes down to the frame's right. */
  rollDegrees: number;
  /** Variance of the Laplacian of the aligned face, grey levels squared. */
  sharpness: number;
  /** Mean grey level of the aligned face, 0..255. */
  brightness: number;
}

export function rollDegrees(k: FaceKeypoints): number {
  // Eye line from the person's right eye (frame left) to the left eye (frame right).
  return (Math.atan2(k.leftEye.y - k.rightEye.y, k.leftEye.x - k.rightEye.x) * 180) / Math.PI;
}

/**
 * Yaw from where the nose tip sits between the ear tragions, after undoing roll.
 * For a head of round cross-section, (dRight − dLeft) / (dRight + dLeft) is tan(yaw).
 */
export function yawDegrees(k: FaceKeypoints): number {
  const roll = (rollDegrees(k) * Math.PI) / 180;
  const cos = Math.cos(-roll);
  const sin = Math.sin(-roll);
  const unroll = (p: { x: number; y: number }) => p.x * cos - p.y * sin;
  const nose = unroll(k.noseTip);
  const toRight = nose - unroll(k.rightEarTragion);
  const toLeft = unroll(k.leftEarTragion) - nose;
  const span = toRight + toLeft;
  if (!(Math.abs(span) > 1e-9)) return 0;
  return (Math.atan((toRight - toLeft) / span) * 180) / Math.PI;
}

export function edgeMargin(box: Box, frameWidth: number, frameHeight: number): number {
  return Math.min(
    box.x,
    box.y,
    frameWidth - (box.x + box.width),
    frameHeight - (box.y + box.height),
  );
}

/**
 * Variance of the 4-neighbour Laplacian over the interior of a grey image: low on
 * blurred faces, high on sharp ones. Border pixels are skipped.
 */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Rec. 601 luma of RGBA pixels, one grey value per pixel. */
export function rgbaToGrey(rgba: ArrayLike<number>): Float32Array {
  const grey = new Float32Array(rgba.length / 4);
  for (let i = 0, j = 0; j < grey.length; i += 4, j++) {
    grey[j] = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  }
  return grey;
}

export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length ? sum / values.length : 0;
}

/** Geometry-only quality; sharpness and brightness come from the aligned pixels. */
export function geometricQuality(
  box: Box,
  keypoints: FaceKeypoints,
  frameWidth: number,
  frameHeight: number,
): Pick<FaceQuality, 'faceWidth' | 'interOcular' | 'edgeMargin' | 'yawDegrees' | 'rollDegrees'> {
  return {
    faceWidth: box.width,
    interOcular: distance(keypoints.rightEye, keypoints.leftEye),
    edgeMargin: edgeMargin(box, frameWidth, frameHeight),
    yawDegrees: yawDegrees(keypoints),
    rollDegrees: rollDegrees(keypoints),
  };
}

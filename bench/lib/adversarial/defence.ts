import * as tf from '@tensorflow/tfjs-core';

/**
 * One randomised view of a face crop: the crop enlarged to `resized` pixels a side
 * (bilinear), then a window of the original size cut at (top, left). After Xie et al.,
 * "Mitigating adversarial effects through randomization" (ICLR 2018): a perturbation
 * tuned to the exact pixel grid the network sees is resampled and shifted by an amount
 * the attacker cannot know in advance.
 */
export interface ResizeCrop {
  resized: number;
  top: number;
  left: number;
}

export interface DefenceSettings {
  /** Views per verification; odd, so the lower median is the median. */
  views: number;
  /** The largest enlargement, in pixels a side (the crop is `size` a side). */
  maxResized: number;
}

/**
 * `count` views drawn uniformly: the enlarged side in [size, maxResized], the window
 * anywhere inside it.
 *
 * @throws RangeError when maxResized is below size
 */
export function drawResizeCrops(
  count: number,
  size: number,
  maxResized: number,
  random: () => number,
): ResizeCrop[] {
  if (maxResized < size) throw new RangeError('maxResized must be at least the crop size');
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return Array.from({ length: count }, () => {
    const resized = pick(size, maxResized);
    return { resized, top: pick(0, resized - size), left: pick(0, resized - size) };
  });
}

/**
 * The views of one crop ([1, size, size, 3], 0–255) as a batch [views, size, size, 3];
 * differentiable, so an adaptive attacker can optimise through it (EOT).
 */
export function applyResizeCrops(pixels: tf.Tensor4D, views: readonly ResizeCrop[]): tf.Tensor4D {
  const [, size] = pixels.shape;
  return tf.concat(
    views.map(({ resized, top, left }) =>
      tf.slice(
        tf.image.resizeBilinear(pixels, [resized, resized]),
        [0, top, left, 0],
        [1, size, size, 3],
      ),
    ),
  );
}

import * as tf from '@tensorflow/tfjs-core';
import { dlibResnet34, type WeightMap } from '../../../src/engine/nets/dlibResnet34';
import type { EmbedderEntry } from '../../../src/shared/manifest';

/**
 * The app's embedding as one differentiable function of the crop's pixels
 * ([n, size, size, 3], RGB, 0–255): the manifest's normalisation, the mirrored view,
 * each view scaled to unit length, their sum scaled to unit length. It mirrors
 * `TfEmbedder.embed`, which reads its result back as numbers and so cannot carry a
 * gradient; the bench checks that both give the same vectors before it attacks.
 */
export function embedPixels(
  pixels: tf.Tensor4D,
  entry: EmbedderEntry,
  weights: WeightMap,
): tf.Tensor2D {
  if (entry.input.colorOrder !== 'RGB') throw new Error('embedPixels expects an RGB model');
  const n = pixels.shape[0];
  const normalised = tf.mul(tf.sub(pixels, tf.tensor1d(entry.input.mean)), entry.input.scale);
  const views = entry.flipAverage ? 2 : 1;
  const batch = (
    views === 2 ? tf.concat([normalised, tf.reverse(normalised, 2)]) : normalised
  ) as tf.Tensor4D;
  const raw = tf.reshape(dlibResnet34(batch, weights), [views * n, -1]);
  const unit = unitRows(raw);
  const summed = views === 2 ? tf.add(tf.slice(unit, 0, n), tf.slice(unit, n, n)) : unit;
  return unitRows(summed) as tf.Tensor2D;
}

function unitRows(x: tf.Tensor): tf.Tensor {
  return tf.div(x, tf.sqrt(tf.sum(tf.square(x), 1, true)));
}

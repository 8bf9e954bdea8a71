import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../../../src/engine/nets/dlibResnet34';
import type { EmbedderEntry } from '../../../src/shared/manifest';
import { applyResizeCrops, drawResizeCrops, type DefenceSettings } from './defence';
import { embedPixels } from './embedTensor';
import type { Objective } from './pgd';

/**
 * The impersonation objective: cosine similarity of the crop's embedding with the
 * victim's enrolled embedding (unit length), and its gradient with respect to the pixels.
 *
 * With `eot`, the adaptive attack on the randomised defence (Expectation over
 * Transformation, Athalye et al. 2018): each step averages the similarity over fresh
 * random views drawn from the defence's own distribution, so the perturbation is pushed
 * to survive any view rather than the exact grid.
 */
export function similarityObjective(
  entry: EmbedderEntry,
  weights: WeightMap,
  victim: Float32Array,
  eot?: { defence: DefenceSettings; views: number; random: () => number },
): Objective {
  const { size } = entry.input;
  const valueAndGrad = tf.valueAndGrad((x: tf.Tensor4D) => {
    const target = tf.tensor2d(victim, [victim.length, 1]);
    const batch = eot
      ? applyResizeCrops(x, drawResizeCrops(eot.views, size, eot.defence.maxResized, eot.random))
      : x;
    return tf.mean(tf.matMul(embedPixels(batch, entry, weights), target));
  });
  return (x) => {
    const { value, grad } = tf.tidy(() => valueAndGrad(tf.tensor4d(x, [1, size, size, 3])));
    const result = { value: value.dataSync()[0]!, gradient: grad.dataSync() as Float32Array };
    tf.dispose([value, grad]);
    return result;
  };
}

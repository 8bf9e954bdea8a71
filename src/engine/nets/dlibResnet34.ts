import * as tf from '@tensorflow/tfjs-core';

/**
 * The ResNet-34 of dlib's face descriptor as face-api ported it: weights only, so the
 * layers are written here. Input: a batch of normalised crops [n, 150, 150, 3].
 */
export type WeightMap = Record<string, tf.Tensor>;

function weight(weights: WeightMap, name: string): tf.Tensor {
  const w = weights[name];
  if (!w) throw new Error(`dlib-resnet34 weights lack ${name}`);
  return w;
}

/** Convolution, bias, then dlib's affine "scale" layer (a frozen batch norm). */
function convLayer(
  x: tf.Tensor4D,
  weights: WeightMap,
  prefix: string,
  stride: 1 | 2,
  padding: 'same' | 'valid',
  relu: boolean,
): tf.Tensor4D {
  const filters = weight(weights, `${prefix}/conv/filters`) as tf.Tensor4D;
  const conv = tf.add(
    tf.conv2d(x, filters, stride, padding),
    weight(weights, `${prefix}/conv/bias`),
  );
  const out = tf.add<tf.Tensor4D>(
    tf.mul(conv, weight(weights, `${prefix}/scale/weights`)),
    weight(weights, `${prefix}/scale/biases`),
  );
  return relu ? tf.relu(out) : out;
}

function residual(x: tf.Tensor4D, weights: WeightMap, block: string): tf.Tensor4D {
  let out = convLayer(x, weights, `${block}/conv1`, 1, 'same', true);
  out = convLayer(out, weights, `${block}/conv2`, 1, 'same', false);
  return tf.relu(tf.add<tf.Tensor4D>(out, x));
}

/**
 * A block that halves the resolution: the shortcut is a 2×2 average pool, zero-padded
 * in channels when the block widens, and the main path is zero-padded by one row and
 * column when its "valid" stride-2 convolution came out one smaller.
 */
function residualDown(x: tf.Tensor4D, weights: WeightMap, block: string): tf.Tensor4D {
  let out = convLayer(x, weights, `${block}/conv1`, 2, 'valid', true);
  out = convLayer(out, weights, `${block}/conv2`, 1, 'same', false);
  let shortcut = tf.avgPool(x, 2, 2, 'valid');
  const [, sh, sw, sc] = shortcut.shape;
  const [, oh, ow, oc] = out.shape;
  if (sh !== oh || sw !== ow) {
    out = tf.pad(out, [
      [0, 0],
      [0, sh - oh],
      [0, sw - ow],
      [0, 0],
    ]);
  }
  if (sc !== oc) {
    shortcut = tf.pad(shortcut, [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, oc - sc],
    ]);
  }
  return tf.relu(tf.add<tf.Tensor4D>(out, shortcut));
}

const stages: readonly (readonly [string, 'plain' | 'down'])[] = [
  ['conv32_1', 'plain'],
  ['conv32_2', 'plain'],
  ['conv32_3', 'plain'],
  ['conv64_down', 'down'],
  ['conv64_1', 'plain'],
  ['conv64_2', 'plain'],
  ['conv64_3', 'plain'],
  ['conv128_down', 'down'],
  ['conv128_1', 'plain'],
  ['conv128_2', 'plain'],
  ['conv256_down', 'down'],
  ['conv256_1', 'plain'],
  ['conv256_2', 'plain'],
  ['conv256_down_out', 'down'],
];

/** Forward pass; the caller owns the returned [n, 128] tensor (call inside tf.tidy). */
export function dlibResnet34(input: tf.Tensor4D, weights: WeightMap): tf.Tensor2D {
  let x = convLayer(input, weights, 'conv32_down', 2, 'valid', true);
  x = tf.maxPool(x, 3, 2, 'valid');
  for (const [block, kind] of stages) {
    x = kind === 'down' ? residualDown(x, weights, block) : residual(x, weights, block);
  }
  const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
  return tf.matMul(pooled, weight(weights, 'fc') as tf.Tensor2D);
}

// The attack's pieces that run on the real model, on tfjs' WASM backend in Node.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../../../src/biometrics/similarity';
import { selfTestPattern } from '../../../src/engine/selfTest';
import { toFaceCrop } from './alignedFaces';
import { applyResizeCrops, drawResizeCrops } from './defence';
import { embedPixels } from './embedTensor';
import { seededRandom } from './stats';
import { loadNodeModel, type NodeModel } from './tfNode';

let model: NodeModel;
beforeAll(async () => {
  model = await loadNodeModel();
}, 60_000);

function patternPixels(size: number): Float32Array {
  const rgba = selfTestPattern(size);
  return Float32Array.from(
    { length: size * size * 3 },
    (_, i) => rgba[Math.floor(i / 3) * 4 + (i % 3)]!,
  );
}

describe('the differentiable embedding', () => {
  it("gives the app embedder's vector, and the pinned self-test vector", async () => {
    const { entry, embedder, weights } = model;
    const size = entry.input.size;
    const pixels = patternPixels(size);
    const [app] = await embedder.embed([toFaceCrop(pixels, size)]);
    const copy = tf.tidy(() =>
      embedPixels(tf.tensor4d(pixels, [1, size, size, 3]), entry, weights),
    );
    const vector = copy.dataSync();
    copy.dispose();
    expect(cosineSimilarity(vector, app!)).toBeGreaterThan(0.99999);
    expect(cosineSimilarity(vector, entry.selfTest.expected)).toBeGreaterThan(0.999);
  });

  it('has a gradient that raises the similarity it was taken for', () => {
    const { entry, weights } = model;
    const size = entry.input.size;
    const x0 = tf.tensor4d(patternPixels(size), [1, size, size, 3]);
    const target = tf.tidy(() => tf.reverse(embedPixels(tf.reverse(x0, 1), entry, weights), 1));
    const sim = (x: tf.Tensor4D) => tf.sum(tf.mul(embedPixels(x, entry, weights), target));
    const { value, grad } = tf.valueAndGrad(sim)(x0);
    const stepped = tf.add(x0, tf.mul(tf.sign(grad), 1)) as tf.Tensor4D;
    expect(sim(stepped).dataSync()[0]).toBeGreaterThan(value.dataSync()[0]!);
    tf.dispose([x0, target, value, grad, stepped]);
  });
});

describe('the resize-and-crop defence', () => {
  it('draws views inside the enlarged crop', () => {
    const views = drawResizeCrops(200, 150, 165, seededRandom(5));
    for (const v of views) {
      expect(v.resized).toBeGreaterThanOrEqual(150);
      expect(v.resized).toBeLessThanOrEqual(165);
      expect(v.top + 150).toBeLessThanOrEqual(v.resized);
      expect(v.left + 150).toBeLessThanOrEqual(v.resized);
    }
    expect(new Set(views.map((v) => v.resized)).size).toBe(16);
    expect(() => drawResizeCrops(1, 150, 149, seededRandom(5))).toThrow(RangeError);
  });

  it('leaves the crop as it is for the identity view, and scales and shifts it otherwise', () => {
    const size = 8;
    const x = tf.tensor4d(
      Float32Array.from({ length: size * size * 3 }, (_, i) => i % 251),
      [1, size, size, 3],
    );
    const [same, shifted] = tf.unstack(
      applyResizeCrops(x, [
        { resized: size, top: 0, left: 0 },
        { resized: 2 * size, top: size, left: size },
      ]),
    );
    expect(Array.from(same!.dataSync())).toEqual(Array.from(x.dataSync()));
    // Doubled, the bottom-right window shows the bottom-right quarter of the crop, at
    // twice the size: view pixel (2k, 2k) is crop pixel (4 + k, 4 + k).
    const at = (t: tf.Tensor, y: number, xx: number) =>
      Array.from(t.dataSync().slice((y * size + xx) * 3, (y * size + xx) * 3 + 3));
    expect(shifted!.shape).toEqual([size, size, 3]);
    expect(at(shifted!, 0, 0)).toEqual(at(x, 4, 4));
    expect(at(shifted!, 2, 4)).toEqual(at(x, 5, 6));
    tf.dispose([x, same!, shifted!]);
  });
});

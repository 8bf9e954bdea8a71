import { describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import { EngineError } from '../shared/errors';
import { parseManifest, type EmbedderEntry } from '../shared/manifest';
import { toModelInput, type FaceCrop } from './embedder';

const base = parseManifest(manifestJson).embedders[0]!;

function entry(
  colorOrder: 'RGB' | 'BGR',
  mean: [number, number, number] = [10, 20, 30],
  scale = 0.5,
): EmbedderEntry {
  return { ...base, input: { size: 2, colorOrder, mean, scale } };
}

/** A 2×2 crop; pixel i is (R, G, B, A) = (100 + i, 150 + i, 200 + i, 255). */
function crop(offset = 0): FaceCrop {
  const rgba = new Uint8ClampedArray(16);
  for (let i = 0; i < 4; i++)
    rgba.set([100 + i + offset, 150 + i + offset, 200 + i + offset, 255], i * 4);
  return { rgba, size: 2 };
}

describe('toModelInput', () => {
  it('keeps RGB order and computes (pixel − mean) · scale', () => {
    const out = toModelInput([crop()], entry('RGB'));
    expect(out).toBeInstanceOf(Float32Array);
    expect(out).toHaveLength(12); // 2·2 pixels · 3 channels, alpha dropped
    // Pixel 0: ((100 − 10)/2, (150 − 20)/2, (200 − 30)/2) = (45, 65, 85); each next pixel
    // adds 1 to every channel, so 0.5 to each output.
    expect(Array.from(out)).toEqual([45, 65, 85, 45.5, 65.5, 85.5, 46, 66, 86, 46.5, 66.5, 86.5]);
  });

  it('swaps to BGR order, the mean following the model channel order', () => {
    const out = toModelInput([crop()], entry('BGR'));
    // Pixel 0: ((200 − 10)/2, (150 − 20)/2, (100 − 30)/2) = (95, 65, 35).
    expect(Array.from(out)).toEqual([95, 65, 35, 95.5, 65.5, 35.5, 96, 66, 36, 96.5, 66.5, 36.5]);
  });

  it('uses the manifest normalisation of the real embedder', () => {
    const { mean, scale } = base.input;
    const out = toModelInput([crop()], entry('RGB', mean, scale));
    expect(out[0]).toBeCloseTo((100 - mean[0]) * scale, 6);
    expect(out[1]).toBeCloseTo((150 - mean[1]) * scale, 6);
    expect(out[2]).toBeCloseTo((200 - mean[2]) * scale, 6);
  });

  it('lays several crops one after another (NHWC)', () => {
    const out = toModelInput([crop(), crop(10)], entry('RGB'));
    expect(out).toHaveLength(24);
    expect(Array.from(out.subarray(0, 3))).toEqual([45, 65, 85]);
    expect(Array.from(out.subarray(12, 15))).toEqual([50, 70, 90]); // +10 / 2
    expect(toModelInput([], entry('RGB'))).toHaveLength(0);
  });

  it('throws an EngineError for a crop of the wrong size', () => {
    const big: FaceCrop = { rgba: new Uint8ClampedArray(36), size: 3 };
    expect(() => toModelInput([big], entry('RGB'))).toThrow(EngineError);
    // The size field agrees but the pixels do not.
    const short: FaceCrop = { rgba: new Uint8ClampedArray(12), size: 2 };
    expect(() => toModelInput([short], entry('RGB'))).toThrow(EngineError);
    // A good crop followed by a bad one.
    expect(() => toModelInput([crop(), big], entry('RGB'))).toThrow(/2×2/);
  });
});

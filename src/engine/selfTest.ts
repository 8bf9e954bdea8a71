/**
 * A fixed, smooth, colourful RGBA image of `size` pixels a side. Every backend embeds
 * it at start; an embedding that strays from the one measured on WASM shows a backend
 * that computes wrongly (precision, a driver bug) before it touches a real face.
 */
export function selfTestPattern(size: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      const i = (y * size + x) * 4;
      rgba[i] = 128 + 100 * Math.sin(6.1 * u + 2.3 * v);
      rgba[i + 1] = 128 + 90 * Math.cos(4.7 * v - 3.1 * u * v);
      rgba[i + 2] = 128 + 80 * Math.sin(9.4 * (u - 0.5) * (v - 0.5) + 1);
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

/** The smallest cosine similarity to the pinned vector that a backend may give. */
export const SELF_TEST_MIN_COSINE = 0.999;

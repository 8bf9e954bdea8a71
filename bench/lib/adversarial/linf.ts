// The L∞ threat model on 8-bit pixels: every perturbed value stays within ε of the
// original and inside [0, 255]. Pixels are flat Float32Arrays (RGB, 0–255).

export const PIXEL_MAX = 255;

/** Clips x into the ε-box around x0, intersected with [0, 255]; returns a new array. */
export function projectLinf(x: Float32Array, x0: Float32Array, eps: number): Float32Array {
  if (x.length !== x0.length) throw new RangeError('images differ in size');
  if (!(eps >= 0)) throw new RangeError(`ε must be ≥ 0, not ${eps}`);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const lo = Math.max(0, x0[i]! - eps);
    const hi = Math.min(PIXEL_MAX, x0[i]! + eps);
    out[i] = Math.min(hi, Math.max(lo, x[i]!));
  }
  return out;
}

/** One signed-gradient ascent step of size `alpha` (FGSM's and PGD's update). */
export function signStep(x: Float32Array, gradient: Float32Array, alpha: number): Float32Array {
  if (x.length !== gradient.length) throw new RangeError('gradient and image differ in size');
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! + alpha * Math.sign(gradient[i]!);
  return out;
}

/** PGD's random start: uniform noise in [−ε, ε], then projected. */
export function randomStart(x0: Float32Array, eps: number, random: () => number): Float32Array {
  const out = new Float32Array(x0.length);
  for (let i = 0; i < x0.length; i++) out[i] = x0[i]! + (2 * random() - 1) * eps;
  return projectLinf(out, x0, eps);
}

/**
 * To displayable 8-bit values. With an integer ε and integer x0, rounding a point of the
 * ε-box stays in the box, so the image the camera path would carry is still an attack
 * within the budget.
 */
export function toPixels(x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.min(PIXEL_MAX, Math.max(0, Math.round(x[i]!)));
  return out;
}

export function linfDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError('images differ in size');
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

import { projectLinf, randomStart, signStep, toPixels } from './linf';

/** The attacker's objective at x (the similarity to the victim) and its gradient. */
export type Objective = (x: Float32Array) => { value: number; gradient: Float32Array };

export interface AttackSettings {
  /** L∞ budget in 8-bit levels (ε · 255). */
  eps: number;
  steps: number;
  /** Step size in 8-bit levels. */
  stepSize: number;
  randomStart: boolean;
}

/** FGSM: one signed step of the whole budget from the clean image. */
export function fgsmSettings(eps: number): AttackSettings {
  return { eps, steps: 1, stepSize: eps, randomStart: false };
}

/**
 * PGD: a random start in the box, then `steps` signed steps of 2.5·ε/steps, each
 * projected back, so the iterates can cross the whole box and still come back.
 */
export function pgdSettings(eps: number, steps: number): AttackSettings {
  return { eps, steps, stepSize: (2.5 * eps) / steps, randomStart: true };
}

/**
 * Maximises the objective within the ε-box around x0 by projected signed-gradient
 * ascent, and returns 8-bit pixels: what an attacker can actually show. The last
 * iterate is returned, as in the usual PGD; the objective values are kept for the log.
 */
export function attack(
  x0: Float32Array,
  objective: Objective,
  settings: AttackSettings,
  random: () => number,
): { pixels: Float32Array; trace: number[] } {
  const { eps, steps, stepSize } = settings;
  let x = settings.randomStart ? randomStart(x0, eps, random) : x0;
  const trace: number[] = [];
  for (let t = 0; t < steps; t++) {
    const { value, gradient } = objective(x);
    trace.push(value);
    x = projectLinf(signStep(x, gradient, stepSize), x0, eps);
  }
  return { pixels: toPixels(x), trace };
}

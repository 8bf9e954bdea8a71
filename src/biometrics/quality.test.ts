import { describe, expect, it } from 'vitest';
import type { FaceKeypoints, Point } from './geometry';
import {
  edgeMargin,
  geometricQuality,
  laplacianVariance,
  meanOf,
  rgbaToGrey,
  rollDegrees,
  yawDegrees,
} from './quality';

/** A frontal face: eyes level, nose midway between the ear tragions. */
function face(noseX = 150): FaceKeypoints {
  return {
    rightEye: { x: 110, y: 100 },
    leftEye: { x: 190, y: 100 },
    noseTip: { x: noseX, y: 140 },
    mouthCenter: { x: 150, y: 180 },
    rightEarTragion: { x: 50, y: 120 },
    leftEarTragion: { x: 250, y: 120 },
  };
}

/** Every keypoint rotated by `degrees` about `centre` (positive: clockwise on screen). */
function rotated(k: FaceKeypoints, degrees: number, centre: Point = { x: 150, y: 140 }) {
  const r = (degrees * Math.PI) / 180;
  const turn = (p: Point): Point => {
    const dx = p.x - centre.x;
    const dy = p.y - centre.y;
    return {
      x: centre.x + dx * Math.cos(r) - dy * Math.sin(r),
      y: centre.y + dx * Math.sin(r) + dy * Math.cos(r),
    };
  };
  return {
    rightEye: turn(k.rightEye),
    leftEye: turn(k.leftEye),
    noseTip: turn(k.noseTip),
    mouthCenter: turn(k.mouthCenter),
    rightEarTragion: turn(k.rightEarTragion),
    leftEarTragion: turn(k.leftEarTragion),
  };
}

describe('rollDegrees', () => {
  it('is 0 for a level eye line', () => {
    expect(rollDegrees(face())).toBe(0);
  });

  it('is +45 when the eye line slopes down to the right at 45°, −45 up', () => {
    const down = { ...face(), leftEye: { x: 190, y: 180 } }; // Δx = Δy = 80
    expect(rollDegrees(down)).toBeCloseTo(45, 12);
    const up = { ...face(), leftEye: { x: 190, y: 20 } };
    expect(rollDegrees(up)).toBeCloseTo(-45, 12);
  });

  it('follows a rotation of the whole face', () => {
    expect(rollDegrees(rotated(face(), 20))).toBeCloseTo(20, 9);
    expect(rollDegrees(rotated(face(), -35))).toBeCloseTo(-35, 9);
  });
});

describe('yawDegrees', () => {
  it('is 0 for a symmetric face', () => {
    expect(yawDegrees(face())).toBeCloseTo(0, 12);
  });

  it('is positive when the nose moves to the frame right, negative to the left', () => {
    // Nose at x = 170: 120 px from the right tragion, 80 from the left: atan(40/200).
    const expected = (Math.atan(0.2) * 180) / Math.PI; // ≈ 11.31°
    expect(yawDegrees(face(170))).toBeCloseTo(expected, 12);
    expect(yawDegrees(face(130))).toBeCloseTo(-expected, 12);
  });

  it('is unchanged when the whole face is rotated by a roll', () => {
    for (const noseX of [150, 170, 120]) {
      const level = yawDegrees(face(noseX));
      for (const roll of [15, -30, 60, 120, -150]) {
        const tilted = rotated(face(noseX), roll, { x: 400, y: -75 });
        expect(Math.abs(yawDegrees(tilted) - level)).toBeLessThan(1e-9);
      }
    }
  });

  it('is 0 when the tragions coincide in x after unrolling', () => {
    const k = {
      ...face(),
      rightEarTragion: { x: 150, y: 120 },
      leftEarTragion: { x: 150, y: 130 },
    };
    expect(yawDegrees(k)).toBe(0);
  });
});

describe('edgeMargin', () => {
  it('is the smallest distance from the box to a frame edge', () => {
    // Left 10, top 20, right 200 − 110 = 90, bottom 100 − 70 = 30.
    expect(edgeMargin({ x: 10, y: 20, width: 100, height: 50 }, 200, 100)).toBe(10);
    // Left 50, top 40, right 200 − 180 = 20, bottom 100 − 90 = 10.
    expect(edgeMargin({ x: 50, y: 40, width: 130, height: 50 }, 200, 100)).toBe(10);
  });

  it('is negative when the box is cut off', () => {
    expect(edgeMargin({ x: -5, y: 20, width: 50, height: 50 }, 200, 100)).toBe(-5);
    // Bottom: 100 − (60 + 50) = −10.
    expect(edgeMargin({ x: 30, y: 60, width: 50, height: 50 }, 200, 100)).toBe(-10);
  });

  it('is 0 for a box touching the edge', () => {
    expect(edgeMargin({ x: 0, y: 0, width: 200, height: 100 }, 200, 100)).toBe(0);
  });
});

describe('laplacianVariance', () => {
  const W = 8;
  const H = 8;
  const image = (f: (x: number, y: number) => number) => {
    const out = new Float32Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[y * W + x] = f(x, y);
    return out;
  };
  const checker = image((x, y) => ((x + y) % 2 ? 255 : 0));

  it('is 0 on a constant image', () => {
    expect(
      laplacianVariance(
        image(() => 128),
        W,
        H,
      ),
    ).toBe(0);
  });

  it('is 0 on a linear ramp (the Laplacian of a plane is 0)', () => {
    expect(
      laplacianVariance(
        image((x, y) => 3 * x + 2 * y + 10),
        W,
        H,
      ),
    ).toBe(0);
  });

  it('is 1020² on a 0/255 checkerboard', () => {
    // Each interior pixel: 4 neighbours of the other colour, Laplacian ±4·255 = ±1020;
    // the 6×6 interior holds as many of each, so the mean is 0 and the variance 1020².
    expect(laplacianVariance(checker, W, H)).toBe(1020 * 1020);
  });

  it('is larger on a checkerboard than on a blurred checkerboard', () => {
    // 3×3 box blur, edges clamped.
    const at = (x: number, y: number) =>
      checker[Math.min(H - 1, Math.max(0, y)) * W + Math.min(W - 1, Math.max(0, x))]!;
    const blurred = image((x, y) => {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += at(x + dx, y + dy);
      return s / 9;
    });
    const sharp = laplacianVariance(checker, W, H);
    const soft = laplacianVariance(blurred, W, H);
    expect(soft).toBeGreaterThan(0);
    expect(soft).toBeLessThan(sharp / 10);
  });

  it('is 0 for images too small to have an interior', () => {
    expect(laplacianVariance([0, 255, 0, 255], 2, 2)).toBe(0);
    expect(laplacianVariance(new Float32Array(10), 10, 1)).toBe(0);
  });
});

describe('rgbaToGrey', () => {
  it('gives Rec. 601 luma and ignores alpha', () => {
    const grey = rgbaToGrey([255, 0, 0, 255, 0, 255, 0, 0, 0, 0, 255, 17, 255, 255, 255, 255]);
    expect(grey).toHaveLength(4);
    expect(grey[0]).toBeCloseTo(76.245, 4); // 0.299 · 255
    expect(grey[1]).toBeCloseTo(149.685, 4); // 0.587 · 255
    expect(grey[2]).toBeCloseTo(29.07, 4); // 0.114 · 255
    expect(grey[3]).toBeCloseTo(255, 4); // 0.299 + 0.587 + 0.114 = 1
  });

  it('accepts a Uint8ClampedArray and gives an empty result for no pixels', () => {
    expect(rgbaToGrey(Uint8ClampedArray.from([10, 20, 30, 0]))[0]).toBeCloseTo(
      0.299 * 10 + 0.587 * 20 + 0.114 * 30, // 18.15
      4,
    );
    expect(rgbaToGrey([])).toHaveLength(0);
  });
});

describe('meanOf', () => {
  it('is the arithmetic mean, 0 when empty', () => {
    expect(meanOf([1, 2, 3, 4])).toBe(2.5);
    expect(meanOf(Float32Array.from([-2, 2, 6]))).toBe(2);
    expect(meanOf([])).toBe(0);
  });
});

describe('geometricQuality', () => {
  it('gathers the geometric figures', () => {
    const q = geometricQuality({ x: 40, y: 60, width: 220, height: 160 }, face(170), 640, 480);
    expect(q.faceWidth).toBe(220);
    expect(q.interOcular).toBe(80);
    expect(q.edgeMargin).toBe(40);
    expect(q.rollDegrees).toBe(0);
    expect(q.yawDegrees).toBeCloseTo((Math.atan(0.2) * 180) / Math.PI, 12);
  });
});

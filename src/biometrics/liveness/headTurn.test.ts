import { describe, expect, it } from 'vitest';
import type { FaceKeypoints, Point } from '../geometry';
import { headPose, headTurn } from './headTurn';

/** Eyes 80 px apart on a level line; the nose `noseDx` px right of their midpoint. */
function face(noseDx = 0): FaceKeypoints {
  return {
    rightEye: { x: 110, y: 100 },
    leftEye: { x: 190, y: 100 },
    noseTip: { x: 150 + noseDx, y: 140 },
    mouthCenter: { x: 150, y: 180 },
    rightEarTragion: { x: 50, y: 120 },
    leftEarTragion: { x: 250, y: 120 },
  };
}

function transformed(k: FaceKeypoints, degrees: number, scale: number, shift: Point) {
  const r = (degrees * Math.PI) / 180;
  const move = (p: Point): Point => ({
    x: shift.x + scale * (p.x * Math.cos(r) - p.y * Math.sin(r)),
    y: shift.y + scale * (p.x * Math.sin(r) + p.y * Math.cos(r)),
  });
  return Object.fromEntries(
    Object.entries(k).map(([name, p]) => [name, move(p as Point)]),
  ) as unknown as FaceKeypoints;
}

describe('headTurn', () => {
  it('is 0 with the nose below the middle of the eyes', () => {
    expect(headTurn(face())).toBeCloseTo(0, 12);
  });

  it('is the nose offset in eye distances, positive to the frame right', () => {
    expect(headTurn(face(20))).toBeCloseTo(0.25, 12);
    expect(headTurn(face(-40))).toBeCloseTo(-0.5, 12);
  });

  it('does not change with head tilt, distance or position in the frame', () => {
    for (const [degrees, scale] of [
      [25, 1],
      [-40, 0.3],
      [10, 4],
    ] as const) {
      const moved = transformed(face(20), degrees, scale, { x: 300, y: -50 });
      expect(headTurn(moved)).toBeCloseTo(0.25, 9);
    }
  });

  it('is 0 when the eyes coincide', () => {
    const k = face(30);
    expect(headTurn({ ...k, leftEye: k.rightEye })).toBe(0);
  });
});

describe('headPose', () => {
  it('reads straight, turned and between from the figure', () => {
    expect(headPose(0.05, 0.1, 0.25)).toBe('straight');
    expect(headPose(-0.1, 0.1, 0.25)).toBe('straight');
    expect(headPose(0.25, 0.1, 0.25)).toBe('left');
    expect(headPose(-0.4, 0.1, 0.25)).toBe('right');
    expect(headPose(0.18, 0.1, 0.25)).toBe('between');
    expect(headPose(-0.18, 0.1, 0.25)).toBe('between');
  });
});

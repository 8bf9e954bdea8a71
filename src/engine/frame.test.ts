import { describe, expect, it } from 'vitest';
import { MAX_FRAME_SIDE, downscaleFactor } from './frame';

describe('downscaleFactor', () => {
  it('is 4096', () => {
    expect(MAX_FRAME_SIDE).toBe(4096);
  });

  it('is 1 for frames of 4096×4096 and smaller', () => {
    expect(downscaleFactor(4096, 4096)).toBe(1);
    expect(downscaleFactor(4096, 1)).toBe(1);
    expect(downscaleFactor(1, 4096)).toBe(1);
    expect(downscaleFactor(640, 480)).toBe(1);
    expect(downscaleFactor(1, 1)).toBe(1);
  });

  it('scales by the longer side', () => {
    expect(downscaleFactor(12000, 9000)).toBe(4096 / 12000);
    expect(downscaleFactor(9000, 12000)).toBe(4096 / 12000);
    expect(downscaleFactor(4097, 100)).toBe(4096 / 4097);
    expect(downscaleFactor(8192, 8192)).toBe(0.5);
    expect(downscaleFactor(100, 16384)).toBe(0.25);
  });

  it('never lets a scaled side exceed 4096', () => {
    const sizes: [number, number][] = [
      [12000, 9000],
      [4097, 4097],
      [4097, 1],
      [5000, 4100],
      [7919, 6007],
      [10001, 3],
      [65535, 65535],
      [99991, 12345],
    ];
    for (const [w, h] of sizes) {
      const f = downscaleFactor(w, h);
      expect(f).toBeLessThan(1);
      expect(w * f).toBeLessThanOrEqual(4096);
      expect(h * f).toBeLessThanOrEqual(4096);
      // boundedFrame rounds the sides; the longer one lands on 4096 exactly.
      expect(Math.max(Math.round(w * f), Math.round(h * f))).toBe(4096);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { FaceQuality } from './quality';
import { guidanceFor, guidanceText, photoGuidanceText } from './qualityPolicy';

const good: FaceQuality = {
  faceWidth: 120,
  interOcular: 48,
  edgeMargin: 40,
  yawDegrees: 2,
  rollDegrees: -3,
  sharpness: 60,
  brightness: 130,
};
const face = (change: Partial<FaceQuality> = {}) => ({ quality: { ...good, ...change } });

describe('guidanceFor', () => {
  it('accepts one good face, and asks for a face when there is none', () => {
    expect(guidanceFor([face()])).toBeNull();
    expect(guidanceFor([])).toBe('no-face');
  });

  it('asks for one person when the largest face is whole and others are there', () => {
    expect(guidanceFor([face(), face({ faceWidth: 60 })])).toBe('one-person');
  });

  it('says the largest face is cut off before counting faces', () => {
    const cutOff = face({ edgeMargin: 0 });
    expect(guidanceFor([cutOff, face({ faceWidth: 30, interOcular: 9 })])).toBe('move-into-frame');
  });

  it.each([
    [{ interOcular: 17 }, 'move-closer'],
    [{ yawDegrees: 50 }, 'face-camera'],
    [{ rollDegrees: 69 }, 'straighten-head'],
    [{ brightness: 21 }, 'more-light'],
    [{ brightness: 222 }, 'less-light'],
    [{ sharpness: 1.6 }, 'hold-still'],
  ] as const)('%o gives %s', (change, guidance) => {
    expect(guidanceFor([face(change)])).toBe(guidance);
  });

  it('has a sentence for the camera and one for a photo for every finding', () => {
    expect(Object.keys(photoGuidanceText).sort()).toEqual(Object.keys(guidanceText).sort());
    for (const text of Object.values(photoGuidanceText)) expect(text).not.toMatch(/camera/i);
  });
});

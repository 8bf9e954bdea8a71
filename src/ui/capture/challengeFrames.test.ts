import { describe, expect, it } from 'vitest';
import { defaultQualityPolicy } from '../../biometrics/qualityPolicy';
import type { AnalyzedFace, AnalyzeResult } from '../../shared/engineApi';
import { challengeFrame } from './challengeFrames';

/** A good face, turned by `noseDx` px of an 80 px eye distance, at 45° by the tragions. */
function face(noseDx: number, change: Partial<AnalyzedFace['quality']> = {}): AnalyzedFace {
  return {
    box: { x: 200, y: 100, width: 200, height: 200 },
    score: 0.9,
    keypoints: {
      rightEye: { x: 260, y: 160 },
      leftEye: { x: 340, y: 160 },
      noseTip: { x: 300 + noseDx, y: 200 },
      mouthCenter: { x: 300, y: 240 },
      rightEarTragion: { x: 210, y: 180 },
      leftEarTragion: { x: 390, y: 180 },
    },
    quality: {
      faceWidth: 200,
      interOcular: 80,
      edgeMargin: 80,
      yawDegrees: 45,
      rollDegrees: 0,
      sharpness: 100,
      brightness: 120,
      ...change,
    },
    embedding: Float32Array.from([1, 0]),
    livenessScores: { antispoof: 0.7 },
  };
}

const result = (...faces: AnalyzedFace[]): AnalyzeResult => ({
  frameWidth: 640,
  frameHeight: 480,
  faces,
  timings: { detectMs: 1, alignMs: 1, embedMs: 1, totalMs: 3 },
});

describe('challengeFrame', () => {
  it('reads a turned head as usable: turning is what the challenge asks', () => {
    const frame = challengeFrame(result(face(32)), 500, () => true, defaultQualityPolicy);
    expect(frame.guidance).toBeNull();
    expect(frame.observation.atMs).toBe(500);
    expect(frame.observation.face).toMatchObject({ usable: true, matches: true });
    expect(frame.observation.face!.turn).toBeCloseTo(0.4, 12);
    expect(frame.observation.face!.embedding.livenessScores).toEqual({ antispoof: 0.7 });
  });

  it('does not compare a face too dark to judge, and says why', () => {
    let compared = false;
    const dark = face(0, { brightness: 10 });
    const frame = challengeFrame(result(dark), 0, () => (compared = true), defaultQualityPolicy);
    expect(frame.guidance).toBe('more-light');
    expect(frame.observation.face).toMatchObject({ usable: false, matches: false });
    expect(compared).toBe(false);
  });

  it('gives no face for an empty frame, and judges the largest of several', () => {
    const empty = challengeFrame(result(), 0, () => true, defaultQualityPolicy);
    expect(empty.observation.face).toBeNull();
    expect(empty.guidance).toBe('no-face');
    const two = challengeFrame(result(face(0), face(40)), 0, () => true, defaultQualityPolicy);
    expect(two.observation.face!.turn).toBeCloseTo(0, 12);
  });
});

// Head turns of real photos, measured through the real engine in the harness page with
// the app's own headTurn, to pick the photos a challenge clip is built from.
import type { Page } from '@playwright/test';
import type { FaceKeypoints } from '../../src/biometrics/geometry';
import { defaultChallengePolicy } from '../../src/biometrics/liveness/challenge';
import { headTurn } from '../../src/biometrics/liveness/headTurn';
import { faceUrl } from '../fixtures';
import type { PosePhotos } from './challengeClips';

export interface MeasuredTurn {
  photo: string;
  /** headTurn of the largest face; null when no face was found. */
  turn: number | null;
}

/** The head turn of each photo (the harness page must have started its engine). */
export async function measureTurns(harness: Page, photos: string[]): Promise<MeasuredTurn[]> {
  const keypoints = await harness.evaluate(async (urls) => {
    const out = [];
    for (const url of urls) {
      const r = await window.facegate.analyzeUrl(url, { embed: 'none' });
      out.push(r.value?.faces[0]?.keypoints ?? null);
    }
    return out;
  }, photos.map(faceUrl));
  return photos.map((photo, i) => ({
    photo,
    turn: keypoints[i] ? headTurn(keypoints[i] as FaceKeypoints) : null,
  }));
}

// A margin past the challenge's own limits, so that the fake camera's resampling cannot
// move a photo across one.
const MARGIN = 0.05;

/**
 * The most frontal photo and the photos turned furthest each way, each clear of the
 * challenge's limits by a margin; `exclude` keeps out a photo used for something else
 * (the enrolment photo).
 *
 * @throws Error naming what is missing when the photos hold no such pose
 */
export function pickPoses(measured: MeasuredTurn[], exclude: string[] = []): PosePhotos {
  const { straightWithin, turnedAt } = defaultChallengePolicy;
  const usable = measured.filter(
    (m): m is { photo: string; turn: number } => m.turn !== null && !exclude.includes(m.photo),
  );
  const byTurn = [...usable].sort((a, b) => a.turn - b.turn);
  const straight = [...usable].sort((a, b) => Math.abs(a.turn) - Math.abs(b.turn))[0];
  const right = byTurn[0];
  const left = byTurn[byTurn.length - 1];
  const missing = [
    !straight || Math.abs(straight.turn) > straightWithin - MARGIN ? 'facing the camera' : null,
    !left || left.turn < turnedAt + MARGIN ? 'turned left' : null,
    !right || right.turn > -turnedAt - MARGIN ? 'turned right' : null,
  ].filter(Boolean);
  if (missing.length > 0) {
    const seen = usable.map((m) => `${m.photo} ${m.turn.toFixed(3)}`).join(', ');
    throw new Error(`no photo ${missing.join(', ')} among: ${seen}`);
  }
  return { straight: straight!.photo, left: left!.photo, right: right!.photo };
}

// Fake-camera clips that follow a liveness challenge: photos of one person facing the
// camera, turned to their left and to their right, each shown for as long as a person
// would hold the pose. The app's challenge order is fixed for the tests by the seed in
// the page's address, which only the harness build (the one the tests serve) reads.
import { tmpdir } from 'node:os';
import {
  challengeActions,
  defaultChallengePolicy,
  type ChallengeAction,
} from '../../src/biometrics/liveness/challenge';
import { clipOf, type ClipFrames } from './clips';

/** The seed every test session opens the app with (see src/app/challengeSeed.ts). */
export const TEST_CHALLENGE_SEED = 20261204;

/** The actions the app asks for under TEST_CHALLENGE_SEED. */
export const testActions: ChallengeAction[] = challengeActions(
  TEST_CHALLENGE_SEED,
  defaultChallengePolicy.actions,
);

/** Photos of one head pose each: facing the camera, turned to the person's left, right. */
export interface PosePhotos {
  straight: string;
  left: string;
  right: string;
}

/**
 * A person whose LFW photos show each pose, for the specs that need a verification to
 * pass. Picked with bench/turns.ts (headTurn; the tragion yaw in brackets), and checked
 * against a fresh measurement by e2e/liveness.spec.ts:
 * John_Ashcroft 0035 0.019 (2.5°) enrols; 0018 0.023 (2.5°), 0025 0.420 (45°) and
 * 0053 −0.503 (−50°) face the camera, turn left and turn right.
 */
export const POSED = {
  name: 'John Ashcroft',
  enrol: 'John_Ashcroft/John_Ashcroft_0035.jpg',
  poses: {
    straight: 'John_Ashcroft/John_Ashcroft_0018.jpg',
    left: 'John_Ashcroft/John_Ashcroft_0025.jpg',
    right: 'John_Ashcroft/John_Ashcroft_0053.jpg',
  },
} as const satisfies { name: string; enrol: string; poses: PosePhotos };

// Ten frames a second keep a 12-second clip near 50 MB; the app samples at most six.
const FPS = 10;
// The first look lasts longer: the camera and the first analysis take a moment to start.
const FIRST_LOOK_FRAMES = 3 * FPS;
const ACTION_FRAMES = 3 * FPS;

const photoFor = (action: ChallengeAction, poses: PosePhotos) =>
  action === 'turn-left' ? poses.left : action === 'turn-right' ? poses.right : poses.straight;

/** The frames of a clip that does `actions` with these photos, in order. */
export function challengeFrames(
  actions: readonly ChallengeAction[],
  poses: PosePhotos,
): ClipFrames[] {
  return actions.map((action, i) => ({
    photo: photoFor(action, poses),
    count: i === 0 ? FIRST_LOOK_FRAMES : ACTION_FRAMES,
  }));
}

/** A clip (path) that does the test challenge with these photos. */
export function challengeClip(
  poses: PosePhotos,
  actions: readonly ChallengeAction[] = testActions,
): Promise<string> {
  return clipOf(challengeFrames(actions, poses), tmpdir(), { fps: FPS });
}

/** A clip (path) of one photo, still, for as long as a challenge may last and more. */
export function stillClip(photo: string): Promise<string> {
  const seconds = defaultChallengePolicy.timeLimitMs / 1000 + 10;
  return clipOf([{ photo, count: seconds * FPS }], tmpdir(), { fps: FPS });
}

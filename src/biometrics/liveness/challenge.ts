import type { Box } from '../geometry';
import { headPose, type HeadPose } from './headTurn';
import { seededRandom } from './seededRandom';

/** One thing the person is asked to do. */
export type ChallengeAction = 'look-straight' | 'turn-left' | 'turn-right';

/** How a challenge is judged. Figures of `headTurn` are in eye distances. */
export interface ChallengePolicy {
  /** Actions asked after the first "look at the camera". */
  actions: number;
  /** `headTurn` within this is facing the camera. */
  straightWithin: number;
  /** `headTurn` at or beyond this (either way) is a turned head. */
  turnedAt: number;
  /** Frames in a row in the asked pose that complete an action. */
  holdFrames: number;
  /** Time for the actions, from the moment the first look at the camera is done. */
  timeLimitMs: number;
  /** Largest move of the face box's centre from one face to the next, in box widths. */
  maxCentreShift: number;
  /** Largest change of the face box's width from one face to the next, as a ratio. */
  maxSizeChange: number;
}

export const defaultChallengePolicy: ChallengePolicy = {
  actions: 3,
  straightWithin: 0.1,
  turnedAt: 0.22,
  holdFrames: 2,
  timeLimitMs: 15_000,
  maxCentreShift: 0.5,
  maxSizeChange: 1.5,
};

/**
 * The actions of one challenge: "look at the camera", then `count` actions drawn with
 * the seed, never the same twice in a row, and always both turns, so that the person
 * has to turn their head each way in an order nobody knew before.
 *
 * @throws RangeError when `count` is under 2 (both turns cannot fit)
 */
export function challengeActions(seed: number, count: number): ChallengeAction[] {
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`a challenge needs at least 2 actions, not ${count}`);
  }
  const random = seededRandom(seed);
  const all: ChallengeAction[] = ['look-straight', 'turn-left', 'turn-right'];

  // Redraw until both turns are in: at most a handful of tries for any count ≥ 2.
  for (;;) {
    const actions: ChallengeAction[] = ['look-straight'];
    for (let i = 0; i < count; i++) {
      const allowed = all.filter((a) => a !== actions[actions.length - 1]);
      actions.push(allowed[Math.floor(random() * allowed.length)]!);
    }
    if (actions.includes('turn-left') && actions.includes('turn-right')) return actions;
  }
}

/** The largest face of one analysed frame, as the challenge needs it. */
export interface ChallengeFace<E> {
  box: Box;
  /** `headTurn` of its keypoints. */
  turn: number;
  /** Whether the face is fit to compare (size, light, focus: everything but the turn). */
  usable: boolean;
  /** Whether its embedding matches the claimed person's template at the threshold. */
  matches: boolean;
  /** What the caller keeps for the frames used (its embedding). */
  embedding: E;
}

/** One analysed frame, at its time in milliseconds. */
export interface ChallengeObservation<E> {
  atMs: number;
  face: ChallengeFace<E> | null;
}

export type ChallengeFailure =
  /** The actions were not done in time (a still photo ends here). */
  | 'timeout'
  /** The head turned the other way than asked. */
  | 'wrong-move'
  /** A frame in the asked pose did not match the claimed person. */
  | 'not-matching'
  /** The face jumped between two frames: another face, or a swapped picture. */
  | 'face-changed';

export type ChallengeState<E> =
  | {
      phase: 'running';
      actions: readonly ChallengeAction[];
      /** The action asked now. */
      step: number;
      /** When the first look at the camera was done; the time limit runs from it. */
      startedAtMs: number | null;
      /** Frames in a row in the asked pose. */
      held: number;
      /** Frames in a row turned the wrong way. */
      wrongHeld: number;
      /** Whether the head has faced the camera since this action was asked. */
      seenStraight: boolean;
      lastBox: Box | null;
      /** Embeddings of the frames that completed actions, all matching. */
      used: E[];
    }
  | { phase: 'passed'; actions: readonly ChallengeAction[]; used: E[] }
  | {
      phase: 'failed';
      actions: readonly ChallengeAction[];
      reason: Exclude<ChallengeFailure, 'not-matching'>;
      /** What the frames used before the failure carried. */
      used: E[];
    }
  | {
      phase: 'failed';
      actions: readonly ChallengeAction[];
      reason: 'not-matching';
      used: E[];
      /** What the frame that did not match carried. */
      embedding: E;
    };

export function startChallenge<E>(actions: readonly ChallengeAction[]): ChallengeState<E> {
  return {
    phase: 'running',
    actions,
    step: 0,
    startedAtMs: null,
    held: 0,
    wrongHeld: 0,
    seenStraight: true,
    lastBox: null,
    used: [],
  };
}

const poseFor: Record<ChallengeAction, HeadPose> = {
  'look-straight': 'straight',
  'turn-left': 'left',
  'turn-right': 'right',
};

const oppositeOf: Partial<Record<ChallengeAction, HeadPose>> = {
  'turn-left': 'right',
  'turn-right': 'left',
};

/** Whether `next` can be the same face as `last`, a frame or a few later. */
export function sameTrack(last: Box, next: Box, policy: ChallengePolicy): boolean {
  const width = (last.width + next.width) / 2;
  const shift = Math.hypot(
    next.x + next.width / 2 - (last.x + last.width / 2),
    next.y + next.height / 2 - (last.y + last.height / 2),
  );
  const size = Math.max(next.width / last.width, last.width / next.width);
  return shift <= policy.maxCentreShift * width && size <= policy.maxSizeChange;
}

/**
 * The challenge at `nowMs`: failed when its time ran out. For a clock that ticks while
 * no frame comes (a camera that stopped).
 */
export function expire<E>(
  state: ChallengeState<E>,
  nowMs: number,
  policy: ChallengePolicy,
): ChallengeState<E> {
  if (state.phase !== 'running' || state.startedAtMs === null) return state;
  if (nowMs - state.startedAtMs <= policy.timeLimitMs) return state;
  return { phase: 'failed', actions: state.actions, reason: 'timeout', used: state.used };
}

/**
 * The challenge after one more frame. Frames must come in time order.
 *
 * An action is done after `holdFrames` frames in a row in its pose, each usable and
 * matching the claimed person; a frame in the asked pose that does not match ends the
 * challenge, so another face cannot do any action. Every face must stay where the last
 * one was (the same track), so a face cannot be swapped between frames. Turning the
 * other way than asked ends it too, so a video that shows every pose in turn fails
 * unless it shows them in the asked order. Frames without a face break a hold but not
 * the track: a face that comes back must come back where it left.
 */
export function observe<E>(
  state: ChallengeState<E>,
  frame: ChallengeObservation<E>,
  policy: ChallengePolicy,
): ChallengeState<E> {
  // 1. The clock runs from the end of the first look at the camera.
  state = expire(state, frame.atMs, policy);
  if (state.phase !== 'running') return state;
  const { actions } = state;
  const face = frame.face;
  if (!face) return { ...state, held: 0, wrongHeld: 0 };

  // 2. The same face as before, or none of it counts.
  if (state.lastBox && !sameTrack(state.lastBox, face.box, policy)) {
    return { phase: 'failed', actions, reason: 'face-changed', used: state.used };
  }
  const next = { ...state, lastBox: face.box };
  const action = actions[state.step]!;
  const pose = headPose(face.turn, policy.straightWithin, policy.turnedAt);
  if (pose === 'straight') next.seenStraight = true;

  // 3. Turned the other way, after facing the camera since the action was asked: the
  // pose left over from the action before does not count as wrong.
  if (next.seenStraight && face.usable && pose === oppositeOf[action]) {
    next.wrongHeld = state.wrongHeld + 1;
    if (next.wrongHeld >= policy.holdFrames) {
      return { phase: 'failed', actions, reason: 'wrong-move', used: state.used };
    }
  } else {
    next.wrongHeld = 0;
  }

  // 4. In the asked pose: it must be the claimed person.
  if (pose !== poseFor[action] || !face.usable) return { ...next, held: 0 };
  if (!face.matches) {
    return {
      phase: 'failed',
      actions,
      reason: 'not-matching',
      used: state.used,
      embedding: face.embedding,
    };
  }
  next.held = state.held + 1;
  next.used = [...state.used, face.embedding];
  if (next.held < policy.holdFrames) return next;

  // 5. Action done: the next one, or the challenge passed.
  if (state.step + 1 === actions.length) return { phase: 'passed', actions, used: next.used };
  return {
    ...next,
    step: state.step + 1,
    startedAtMs: state.startedAtMs ?? frame.atMs,
    held: 0,
    wrongHeld: 0,
    seenStraight: action === 'look-straight',
  };
}

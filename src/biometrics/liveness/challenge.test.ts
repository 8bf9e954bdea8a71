import { describe, expect, it } from 'vitest';
import type { Box } from '../geometry';
import {
  challengeActions,
  defaultChallengePolicy as policy,
  expire,
  observe,
  sameTrack,
  startChallenge,
  type ChallengeAction,
  type ChallengeObservation,
  type ChallengeState,
} from './challenge';

const BOX: Box = { x: 200, y: 100, width: 200, height: 200 };
const TURN = { straight: 0, left: 0.35, right: -0.35, between: 0.16 } as const;
type Pose = keyof typeof TURN;

interface FrameSpec {
  pose: Pose | 'none';
  matches?: boolean;
  usable?: boolean;
  box?: Box;
}

/** Frames 250 ms apart (4 a second), each the embedding's number = its index. */
function run(actions: ChallengeAction[], frames: FrameSpec[], startMs = 0) {
  let state: ChallengeState<number> = startChallenge(actions);
  frames.forEach((f, i) => {
    const observation: ChallengeObservation<number> = {
      atMs: startMs + i * 250,
      face:
        f.pose === 'none'
          ? null
          : {
              box: f.box ?? BOX,
              turn: TURN[f.pose],
              usable: f.usable ?? true,
              matches: f.matches ?? true,
              embedding: i,
            },
    };
    state = observe(state, observation, policy);
  });
  return state;
}

/** Each pose held for `n` frames. */
const held = (poses: Pose[], n = 3): FrameSpec[] =>
  poses.flatMap((pose) => Array(n).fill({ pose }));

const LRS: ChallengeAction[] = ['look-straight', 'turn-left', 'turn-right', 'look-straight'];

describe('challengeActions', () => {
  it('starts facing the camera, then the asked number of actions with both turns', () => {
    for (let seed = 0; seed < 200; seed++) {
      const actions = challengeActions(seed, 3);
      expect(actions).toHaveLength(4);
      expect(actions[0]).toBe('look-straight');
      expect(actions).toContain('turn-left');
      expect(actions).toContain('turn-right');
      for (let i = 1; i < actions.length; i++) expect(actions[i]).not.toBe(actions[i - 1]);
    }
  });

  it('is the same for the same seed and varies between seeds', () => {
    expect(challengeActions(7, 3)).toEqual(challengeActions(7, 3));
    const orders = new Set<string>();
    for (let seed = 0; seed < 200; seed++) orders.add(challengeActions(seed, 3).join());
    // With three actions, six orders hold both turns without a repeat: all of them occur.
    expect(orders.size).toBe(6);
  });

  it('refuses fewer than two actions', () => {
    expect(() => challengeActions(1, 1)).toThrow(RangeError);
  });
});

describe('observe', () => {
  it('passes the asked actions in the asked order, keeping only the matching frames used', () => {
    const state = run(LRS, held(['straight', 'left', 'straight', 'right', 'straight']));
    expect(state.phase).toBe('passed');
    if (state.phase !== 'passed') return;
    // Two frames per action: the straight ones, the left ones, the right ones, straight.
    expect(state.used).toEqual([0, 1, 3, 4, 9, 10, 12, 13]);
  });

  it('passes straight from one turn to the other, with a frame between', () => {
    const frames = [
      ...held(['straight', 'left']),
      { pose: 'between' as const },
      ...held(['right', 'straight']),
    ];
    expect(run(LRS, frames).phase).toBe('passed');
  });

  it('fails the turns in the wrong order', () => {
    const state = run(LRS, held(['straight', 'right', 'straight', 'left', 'straight']));
    expect(state).toMatchObject({ phase: 'failed', reason: 'wrong-move' });
  });

  it('does not count the pose left over from the last action as a wrong move', () => {
    const rl: ChallengeAction[] = ['look-straight', 'turn-right', 'turn-left'];
    expect(run(rl, held(['straight', 'right', 'left'])).phase).toBe('passed');
  });

  it('fails a still face once the time is up (a photo held to the camera)', () => {
    const frames = held(['straight'], 80); // 20 s of frames
    expect(run(LRS, frames)).toMatchObject({ phase: 'failed', reason: 'timeout' });
    // Short of the limit, it is still waiting for the turn.
    expect(run(LRS, held(['straight'], 40)).phase).toBe('running');
  });

  it('fails actions done too slowly, and expires without frames', () => {
    const slow = held(['straight', 'left', 'straight', 'right', 'straight'], 20); // 5 s a pose
    expect(run(LRS, slow)).toMatchObject({ phase: 'failed', reason: 'timeout' });
    const started = run(LRS, held(['straight']));
    expect(started.phase).toBe('running');
    expect(expire(started, 10_000, policy).phase).toBe('running');
    expect(expire(started, 20_000, policy)).toMatchObject({ phase: 'failed', reason: 'timeout' });
  });

  it('fails when a frame in the asked pose is another person', () => {
    const frames = held(['straight', 'left', 'straight']).concat({ pose: 'right', matches: false });
    // The frame that failed comes back, to show its similarity.
    expect(run(LRS, frames)).toMatchObject({
      phase: 'failed',
      reason: 'not-matching',
      embedding: frames.length - 1,
    });
    const first = [{ pose: 'straight' as const, matches: false }];
    expect(run(LRS, first)).toMatchObject({ phase: 'failed', reason: 'not-matching' });
  });

  it('ignores a non-matching face in a pose not asked (turning, blurred)', () => {
    const frames = held(['straight']).concat(
      { pose: 'between', matches: false },
      ...held(['left', 'straight', 'right', 'straight']),
    );
    expect(run(LRS, frames).phase).toBe('passed');
  });

  it('fails when the face jumps between frames', () => {
    const elsewhere = { ...BOX, x: BOX.x + 250 };
    const frames = held(['straight', 'left']).concat({ pose: 'straight', box: elsewhere });
    expect(run(LRS, frames)).toMatchObject({ phase: 'failed', reason: 'face-changed' });
    // Also after frames with no face: it must come back where it left.
    const gap = held(['straight']).concat({ pose: 'none' }, { pose: 'left', box: elsewhere });
    expect(run(LRS, gap)).toMatchObject({ phase: 'failed', reason: 'face-changed' });
  });

  it('needs the pose held: single frames apart do not complete an action', () => {
    const flicker: FrameSpec[] = held(['straight']).concat(
      { pose: 'left' },
      { pose: 'none' },
      { pose: 'left' },
      { pose: 'straight' },
      { pose: 'left' },
    );
    expect(run(LRS, flicker)).toMatchObject({ phase: 'running', step: 1 });
  });

  it('does not count unusable frames (too dark, blurred) toward an action', () => {
    const frames = held(['straight']).concat(
      ...held(['left']).map((f) => ({ ...f, usable: false })),
    );
    const state = run(LRS, frames);
    expect(state).toMatchObject({ phase: 'running', step: 1 });
  });

  it('stays finished once passed or failed', () => {
    const failed = run(LRS, [{ pose: 'straight', matches: false }]);
    const frame = { atMs: 1, face: null };
    expect(observe(failed, frame, policy)).toBe(failed);
  });
});

describe('sameTrack', () => {
  it('accepts a face that moved a little and rejects one that jumped or changed size', () => {
    expect(sameTrack(BOX, { ...BOX, x: BOX.x + 60 }, policy)).toBe(true);
    expect(sameTrack(BOX, { ...BOX, x: BOX.x + 120 }, policy)).toBe(false);
    expect(sameTrack(BOX, { ...BOX, width: 260, height: 260 }, policy)).toBe(true);
    expect(sameTrack(BOX, { ...BOX, width: 80, height: 80 }, policy)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultLockoutPolicy, lockoutState, type Attempt } from './lockout';

const policy = defaultLockoutPolicy;
const S = 1000;
const T0 = 1_700_000_000_000;

const fail = (time: number, personId: string | null = 'alice'): Attempt => ({
  time,
  personId,
  result: 'failure',
});
const pass = (time: number, personId: string | null = 'alice'): Attempt => ({
  time,
  personId,
  result: 'success',
});
/** n failures one second apart, the last at `end`. */
const failures = (n: number, end: number, personId: string | null = 'alice'): Attempt[] =>
  Array.from({ length: n }, (_, i) => fail(end - (n - 1 - i) * S, personId));

describe('defaultLockoutPolicy', () => {
  it('locks after 5 failures, for 30 s doubling up to an hour', () => {
    expect(policy).toEqual({
      failuresBeforeLockout: 5,
      firstLockoutMs: 30 * S,
      maxLockoutMs: 3600 * S,
    });
    expect(Object.isFrozen(policy)).toBe(true);
  });
});

describe('lockoutState', () => {
  it('is free with no history', () => {
    expect(lockoutState([], T0, policy)).toEqual({
      locked: false,
      until: null,
      consecutiveFailures: 0,
      lockedBy: null,
    });
  });

  it('is not locked after 4 failures', () => {
    const state = lockoutState(failures(4, T0), T0, policy, 'alice');
    expect(state).toEqual({ locked: false, until: null, consecutiveFailures: 4, lockedBy: null });
  });

  it('locks for 30 s at the 5th failure, and frees after', () => {
    const history = failures(5, T0);
    expect(lockoutState(history, T0, policy, 'alice')).toEqual({
      locked: true,
      until: T0 + 30 * S,
      consecutiveFailures: 5,
      lockedBy: 'person',
    });
    expect(lockoutState(history, T0 + 29 * S, policy, 'alice').locked).toBe(true);
    expect(lockoutState(history, T0 + 30 * S, policy, 'alice').locked).toBe(false);
    expect(lockoutState(history, T0 + 31 * S, policy, 'alice')).toEqual({
      locked: false,
      until: null,
      consecutiveFailures: 5,
      lockedBy: null,
    });
  });

  it('doubles the lockout with each further failure: 60 s, then 120 s', () => {
    const sixth = T0 + 31 * S;
    const history = [...failures(5, T0), fail(sixth)];
    const state = lockoutState(history, sixth, policy, 'alice');
    expect(state.until).toBe(sixth + 60 * S);
    expect(state.consecutiveFailures).toBe(6);
    expect(lockoutState(history, sixth + 59 * S, policy, 'alice').locked).toBe(true);
    expect(lockoutState(history, sixth + 61 * S, policy, 'alice').locked).toBe(false);

    const seventh = sixth + 61 * S;
    const later = [...history, fail(seventh)];
    expect(lockoutState(later, seventh, policy, 'alice').until).toBe(seventh + 120 * S);
  });

  it('caps the lockout at one hour', () => {
    // 30 s · 2^7 = 64 min > 60 min: the 12th failure on is capped.
    const eleventh = lockoutState(failures(11, T0), T0, policy);
    expect(eleventh.until).toBe(T0 + 30 * S * 2 ** 6);
    for (const n of [12, 13, 50, 2000]) {
      expect(lockoutState(failures(n, T0), T0, policy).until).toBe(T0 + 3600 * S);
    }
  });

  it('is computed from the history, so a reload changes nothing', () => {
    const history = failures(5, T0);
    const first = lockoutState(history, T0 + 10 * S, policy, 'alice');
    const again = lockoutState(structuredClone(history), T0 + 10 * S, policy, 'alice');
    expect(again).toEqual(first);
  });

  it('does not trust the stored order', () => {
    const history = failures(5, T0).reverse();
    expect(lockoutState(history, T0, policy, 'alice').until).toBe(T0 + 30 * S);
    // A success stored first but made last still resets.
    expect(lockoutState([pass(T0 + S), ...history], T0 + S, policy, 'alice').locked).toBe(false);
  });

  it('resets the count on a success', () => {
    const history = [...failures(4, T0), pass(T0 + S), fail(T0 + 2 * S)];
    expect(lockoutState(history, T0 + 2 * S, policy, 'alice').consecutiveFailures).toBe(1);
    expect(lockoutState(history, T0 + 2 * S, policy).consecutiveFailures).toBe(1);

    // After a lockout, a success starts again from 30 s, not from where it left off.
    const afterLock = [...failures(6, T0), pass(T0 + 200 * S), ...failures(5, T0 + 300 * S)];
    expect(lockoutState(afterLock, T0 + 300 * S, policy, 'alice').until).toBe(T0 + 330 * S);
  });

  it("keeps a person's run through other people's successes", () => {
    // alice fails 3 times, bob succeeds, alice fails twice more.
    const history = [...failures(3, T0), pass(T0 + S, 'bob'), ...failures(2, T0 + 3 * S)];
    const now = T0 + 3 * S;
    expect(lockoutState(history, now, policy)).toMatchObject({
      locked: false,
      consecutiveFailures: 2,
    });
    expect(lockoutState(history, now, policy, 'alice')).toEqual({
      locked: true,
      until: now + 30 * S,
      consecutiveFailures: 5,
      lockedBy: 'person',
    });
    expect(lockoutState(history, now, policy, 'bob')).toMatchObject({
      locked: false,
      consecutiveFailures: 0,
    });
  });

  it('locks every person when the device fails 5 times across people', () => {
    // Cycling through claimed people, and identifications that found nobody.
    const history = [
      fail(T0, 'alice'),
      fail(T0 + S, 'bob'),
      fail(T0 + 2 * S, null),
      fail(T0 + 3 * S, 'carol'),
      fail(T0 + 4 * S, null),
    ];
    const now = T0 + 4 * S;
    expect(lockoutState(history, now, policy)).toEqual({
      locked: true,
      until: now + 30 * S,
      consecutiveFailures: 5,
      lockedBy: 'device',
    });
    expect(lockoutState(history, now, policy, 'alice')).toEqual({
      locked: true,
      until: now + 30 * S,
      consecutiveFailures: 1,
      lockedBy: 'device',
    });
    expect(lockoutState(history, now, policy, 'dave')).toMatchObject({
      locked: true,
      consecutiveFailures: 0,
      lockedBy: 'device',
    });
    // Any success on the device resets the device's count.
    const after = [...history, pass(now + 40 * S, 'bob')];
    expect(lockoutState(after, now + 40 * S, policy)).toMatchObject({
      locked: false,
      consecutiveFailures: 0,
    });
    expect(lockoutState(after, now + 40 * S, policy, 'alice').consecutiveFailures).toBe(1);
  });

  it('reports the lockout that ends later when both the person and the device are locked', () => {
    // alice fails 5 times, bob succeeds (the device's count restarts), 4 identifications
    // find nobody, then alice fails again: alice at 6 (60 s), the device at 5 (30 s).
    const base = [...failures(5, T0), pass(T0 + S, 'bob'), ...failures(4, T0 + 5 * S, null)];
    const personLater = [...base, fail(T0 + 6 * S)];
    expect(lockoutState(personLater, T0 + 6 * S, policy)).toMatchObject({
      until: T0 + 36 * S,
      lockedBy: 'device',
    });
    expect(lockoutState(personLater, T0 + 6 * S, policy, 'alice')).toEqual({
      locked: true,
      until: T0 + 66 * S,
      consecutiveFailures: 6,
      lockedBy: 'person',
    });

    // alice fails 4, bob succeeds, alice's 5th failure (30 s), then 4 more found nobody:
    // the device's 5th failure comes later, so its 30 s end later.
    const deviceLater = [
      ...failures(4, T0),
      pass(T0 + S, 'bob'),
      fail(T0 + 2 * S),
      ...failures(4, T0 + 6 * S, null),
    ];
    expect(lockoutState(deviceLater, T0 + 6 * S, policy, 'alice')).toEqual({
      locked: true,
      until: T0 + 36 * S,
      consecutiveFailures: 5,
      lockedBy: 'device',
    });
    // When the device's lockout is over, alice's own is too, here.
    expect(lockoutState(deviceLater, T0 + 36 * S, policy, 'alice').locked).toBe(false);
  });

  it('follows a custom policy', () => {
    const strict = { failuresBeforeLockout: 2, firstLockoutMs: 10 * S, maxLockoutMs: 15 * S };
    expect(lockoutState(failures(1, T0), T0, strict).locked).toBe(false);
    expect(lockoutState(failures(2, T0), T0, strict).until).toBe(T0 + 10 * S);
    expect(lockoutState(failures(3, T0), T0, strict).until).toBe(T0 + 15 * S);
  });

  it('throws RangeError on a bad policy, time or history rather than unlocking', () => {
    const bad = [
      { ...policy, failuresBeforeLockout: 0 },
      { ...policy, failuresBeforeLockout: 2.5 },
      { ...policy, firstLockoutMs: 0 },
      { ...policy, maxLockoutMs: 1 },
      { ...policy, maxLockoutMs: Infinity },
    ];
    for (const p of bad) expect(() => lockoutState([], T0, p)).toThrow(RangeError);
    expect(() => lockoutState([], NaN, policy)).toThrow(RangeError);
    expect(() => lockoutState([fail(NaN)], T0, policy)).toThrow(RangeError);
  });
});

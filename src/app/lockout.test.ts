import { describe, expect, it } from 'vitest';
import type { Attempt, AttemptKind } from '../store';
import { operatorPinLockout, verificationLockout } from './lockout';

const S = 1000;
const T0 = Date.parse('2025-03-01T10:00:00.000Z');

let nextId = 1;
function attempt(
  kind: AttemptKind,
  ok: boolean,
  at: number,
  personId: string | null = null,
): Attempt {
  const result = ok ? 'accepted' : kind === 'identify' ? 'unknown' : 'rejected';
  const similarity = kind === 'operator-pin' ? null : 0.5;
  return { id: nextId++, time: new Date(at).toISOString(), personId, kind, result, similarity };
}
/** `n` wrong PINs one second apart, the last at `end`. */
const wrongPins = (n: number, end: number): Attempt[] =>
  Array.from({ length: n }, (_, i) => attempt('operator-pin', false, end - (n - 1 - i) * S));

describe('operatorPinLockout', () => {
  it('stays open after four wrong PINs', () => {
    const state = operatorPinLockout(wrongPins(4, T0), T0);
    expect(state).toMatchObject({ locked: false, consecutiveFailures: 4 });
  });

  it('locks for 30 s at the fifth wrong PIN', () => {
    const history = wrongPins(5, T0);
    expect(operatorPinLockout(history, T0)).toMatchObject({ locked: true, until: T0 + 30 * S });
    expect(operatorPinLockout(history, T0 + 29 * S).locked).toBe(true);
    expect(operatorPinLockout(history, T0 + 30 * S).locked).toBe(false);
  });

  it('doubles the lockout with each further wrong PIN', () => {
    const sixth = T0 + 31 * S;
    const history = [...wrongPins(5, T0), attempt('operator-pin', false, sixth)];
    expect(operatorPinLockout(history, sixth).until).toBe(sixth + 60 * S);
    const seventh = sixth + 61 * S;
    history.push(attempt('operator-pin', false, seventh));
    expect(operatorPinLockout(history, seventh).until).toBe(seventh + 120 * S);
  });

  it('starts counting again after the right PIN', () => {
    const history = [
      ...wrongPins(4, T0),
      attempt('operator-pin', true, T0 + S),
      ...wrongPins(4, T0 + 10 * S),
    ];
    expect(operatorPinLockout(history, T0 + 10 * S)).toMatchObject({
      locked: false,
      consecutiveFailures: 4,
    });
  });

  it('counts neither failed verifications nor unknown faces', () => {
    const faces = Array.from({ length: 10 }, (_, i) => [
      attempt('verify', false, T0 + i * S, 'ana'),
      attempt('identify', false, T0 + i * S),
    ]).flat();
    expect(operatorPinLockout(faces, T0 + 10 * S)).toMatchObject({
      locked: false,
      consecutiveFailures: 0,
    });
  });
});

describe('verificationLockout', () => {
  it('does not count wrong PINs against a person or the device', () => {
    const history = [...wrongPins(10, T0), attempt('verify', false, T0, 'ana')];
    expect(verificationLockout(history, T0, 'ana')).toMatchObject({
      locked: false,
      consecutiveFailures: 1,
    });
  });
});

describe('attempts of the same millisecond', () => {
  it('count in the order they were recorded, not the order listed (newest first)', () => {
    const accepted = attempt('verify', true, T0, 'ana');
    const rejected = attempt('verify', false, T0, 'ana');
    expect(verificationLockout([rejected, accepted], T0, 'ana').consecutiveFailures).toBe(1);

    const right = attempt('operator-pin', true, T0);
    const wrong = attempt('operator-pin', false, T0);
    expect(operatorPinLockout([wrong, right], T0).consecutiveFailures).toBe(1);
  });
});

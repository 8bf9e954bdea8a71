import { defaultLockoutPolicy, type LockoutState } from '../biometrics/lockout';
import { operatorPinMatches, type FacegateStore } from '../store';
import { operatorPinLockout } from './lockout';

export type PinCheck =
  | { kind: 'accepted' }
  | { kind: 'rejected'; triesLeft: number }
  | { kind: 'locked'; waitMs: number; afterWrongPin: boolean }
  | { kind: 'no-pin' };

/**
 * Checks a PIN typed to leave kiosk mode, and records it in the audit list (never the
 * PIN itself). While a lockout is in force, even the right PIN is refused unchecked.
 *
 * @throws StoreError when the store cannot be read or written: a PIN that cannot be
 * counted is not accepted.
 */
export async function checkOperatorPin(store: FacegateStore, pin: string): Promise<PinCheck> {
  // From the stored attempts, so that a reload neither lifts nor restarts a lockout.
  const before = await currentLockout(store);
  if (before.locked) return lockedFor(before, false);

  const { operatorPin } = await store.getSettings();
  if (operatorPin === null) return { kind: 'no-pin' };

  const accepted = await operatorPinMatches(pin, operatorPin);
  await store.recordAttempt({
    personId: null,
    kind: 'operator-pin',
    result: accepted ? 'accepted' : 'rejected',
    similarity: null,
  });
  if (accepted) return { kind: 'accepted' };

  const after = await currentLockout(store);
  if (after.locked) return lockedFor(after, true);
  return {
    kind: 'rejected',
    triesLeft: defaultLockoutPolicy.failuresBeforeLockout - after.consecutiveFailures,
  };
}

async function currentLockout(store: FacegateStore): Promise<LockoutState> {
  return operatorPinLockout(await store.listAttempts(), Date.now());
}

function lockedFor(state: LockoutState, afterWrongPin: boolean): PinCheck {
  return { kind: 'locked', waitMs: (state.until ?? Date.now()) - Date.now(), afterWrongPin };
}

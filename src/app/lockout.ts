import {
  defaultLockoutPolicy,
  lockoutState,
  type Attempt as LockoutAttempt,
  type LockoutState,
} from '../biometrics/lockout';
import type { Attempt, AttemptKind } from '../store';

/**
 * The stored attempts of one kind, as the lockout counts them, in the order they were
 * recorded: the lockout keeps attempts of the same millisecond in the order given, and
 * the store lists the newest first.
 */
function historyOf(attempts: readonly Attempt[], kind: AttemptKind): LockoutAttempt[] {
  return attempts
    .filter((a) => a.kind === kind)
    .sort((a, b) => a.id - b.id)
    .map((a) => ({
      time: Date.parse(a.time),
      personId: a.personId,
      result: a.result === 'accepted' ? 'success' : 'failure',
    }));
}

/**
 * The lockout in force for a verification of `personId`, from the stored audit list,
 * so that it survives a reload. Only verifications count: an identification that finds
 * nobody is a stranger at a kiosk, not a failed claim.
 */
export function verificationLockout(
  attempts: readonly Attempt[],
  now: number,
  personId: string,
): LockoutState {
  return lockoutState(historyOf(attempts, 'verify'), now, defaultLockoutPolicy, personId);
}

/**
 * The lockout in force for the operator PIN, from the stored audit list: five wrong PINs
 * in a row lock it, for a time that doubles with each further wrong one. Faces do not
 * count here, nor PINs against a face: a stranger at the kiosk is not a wrong PIN.
 */
export function operatorPinLockout(attempts: readonly Attempt[], now: number): LockoutState {
  return lockoutState(historyOf(attempts, 'operator-pin'), now, defaultLockoutPolicy);
}

/** "2 minutes 5 seconds", for a lockout message. */
export function formatWait(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} minute${minutes > 1 ? 's' : ''}`);
  if (seconds) parts.push(`${seconds} second${seconds > 1 ? 's' : ''}`);
  return parts.join(' ');
}

import { defaultLockoutPolicy, lockoutState, type LockoutState } from '../biometrics/lockout';
import type { Attempt } from '../store';

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
  // In the order recorded: the lockout keeps attempts of the same millisecond in the
  // order given, and the store lists the newest first.
  const history = attempts
    .filter((a) => a.kind === 'verify')
    .sort((a, b) => a.id - b.id)
    .map((a) => ({
      time: Date.parse(a.time),
      personId: a.personId,
      result: a.result === 'accepted' ? ('success' as const) : ('failure' as const),
    }));
  return lockoutState(history, now, defaultLockoutPolicy, personId);
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

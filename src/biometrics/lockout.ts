/** One verification or identification attempt, as stored on this device. */
export interface Attempt {
  /** When it was made, in milliseconds since the epoch. */
  time: number;
  /** The person claimed or identified; null when an identification found nobody. */
  personId: string | null;
  result: 'success' | 'failure';
}

/** How many failures lock face verification, and for how long. */
export interface LockoutPolicy {
  /** Failures in a row that start the first lockout. */
  failuresBeforeLockout: number;
  /** Length of the first lockout; every further failure in the run doubles it. */
  firstLockoutMs: number;
  /** The longest a lockout lasts, however many failures. */
  maxLockoutMs: number;
}

/**
 * Five failures in a row lock for 30 s, and each further one doubles that up to an hour:
 * slow enough to stop trying face after face, short enough for an owner in bad light.
 */
export const defaultLockoutPolicy: Readonly<LockoutPolicy> = Object.freeze({
  failuresBeforeLockout: 5,
  firstLockoutMs: 30_000,
  maxLockoutMs: 60 * 60_000,
});

export interface LockoutState {
  locked: boolean;
  /** When the lockout ends, in milliseconds since the epoch; null when not locked. */
  until: number | null;
  /** Failures since the last success, of the person when one is named, else of the device. */
  consecutiveFailures: number;
  /** Whose failures the lockout comes from; null when not locked. */
  lockedBy: 'person' | 'device' | null;
}

/**
 * Whether attempts are locked out at `now`, worked out from the stored history alone,
 * so a reload or a closed tab neither lifts nor restarts a lockout.
 *
 * The device counts every attempt; a person counts the attempts that named them. A
 * success resets the device's count and that person's, so cycling through claimed
 * people is stopped by the device count, and a run of failures on one person survives
 * other people's successes. With `personId`, the lockout also honours the device's,
 * since an attempt for anyone is an attempt on this device.
 *
 * The clock is the device's: moving it forward shortens a lockout. Failures never
 * expire on their own; only a success ends a run.
 *
 * @throws RangeError when the policy, `now` or an attempt's time is not usable: a
 * corrupt history must not quietly unlock.
 */
export function lockoutState(
  attempts: readonly Attempt[],
  now: number,
  policy: Readonly<LockoutPolicy>,
  personId?: string,
): LockoutState {
  checkPolicy(policy);
  if (!Number.isFinite(now)) throw new RangeError('now is not a finite time');
  if (attempts.some((a) => !Number.isFinite(a.time))) {
    throw new RangeError('an attempt has no finite time');
  }
  // Stored order is not trusted; a stable sort keeps same-time attempts as stored.
  const history = [...attempts].sort((a, b) => a.time - b.time);

  const device = runState(history, now, policy);
  if (personId === undefined) {
    return { ...device, lockedBy: device.locked ? 'device' : null };
  }

  const person = runState(
    history.filter((a) => a.personId === personId),
    now,
    policy,
  );
  // The lockout that ends later decides; the person's wins a tie.
  let lockedBy: LockoutState['lockedBy'] = null;
  let until: number | null = null;
  if (person.until !== null) {
    lockedBy = 'person';
    until = person.until;
  }
  if (device.until !== null && (until === null || device.until > until)) {
    lockedBy = 'device';
    until = device.until;
  }
  return {
    locked: until !== null,
    until,
    consecutiveFailures: person.consecutiveFailures,
    lockedBy,
  };
}

/** The lockout after a time-ordered run of attempts by one device or one person. */
function runState(
  history: readonly Attempt[],
  now: number,
  policy: Readonly<LockoutPolicy>,
): Omit<LockoutState, 'lockedBy'> {
  let failures = 0;
  let until = -Infinity;
  for (const attempt of history) {
    if (attempt.result === 'success') {
      failures = 0;
      until = -Infinity;
      continue;
    }
    failures++;
    const beyond = failures - policy.failuresBeforeLockout;
    if (beyond >= 0) {
      const length = Math.min(policy.firstLockoutMs * 2 ** beyond, policy.maxLockoutMs);
      until = Math.max(until, attempt.time + length);
    }
  }
  const locked = now < until;
  return { locked, until: locked ? until : null, consecutiveFailures: failures };
}

function checkPolicy(policy: Readonly<LockoutPolicy>): void {
  const { failuresBeforeLockout, firstLockoutMs, maxLockoutMs } = policy;
  if (!Number.isInteger(failuresBeforeLockout) || failuresBeforeLockout < 1) {
    throw new RangeError('failuresBeforeLockout must be a positive integer');
  }
  if (
    !(firstLockoutMs > 0) ||
    !(maxLockoutMs >= firstLockoutMs) ||
    !Number.isFinite(maxLockoutMs)
  ) {
    throw new RangeError('lockout lengths must be positive, finite, and the first ≤ the longest');
  }
}

import { describe, expect, it } from 'vitest';
import type { Attempt } from '../store';
import { verificationLockout } from './lockout';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');

describe('verification attempts of the same millisecond', () => {
  it('count in the order they were recorded, not the order listed (newest first)', () => {
    const time = new Date(T0).toISOString();
    const base = { time, personId: 'ana', kind: 'verify', similarity: 0.5 } as const;
    const accepted: Attempt = { ...base, id: 1, result: 'accepted' };
    const rejected: Attempt = { ...base, id: 2, result: 'rejected' };
    expect(verificationLockout([rejected, accepted], T0, 'ana').consecutiveFailures).toBe(1);
  });
});

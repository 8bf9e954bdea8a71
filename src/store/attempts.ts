import { z } from 'zod';
import type { Connection } from './connection';
import { StoreError } from './errors';
import { parseAttemptRecord, similaritySchema } from './records';
import type { AttemptRecord } from './schema';
import { inReadTransaction, inWriteTransaction } from './transaction';
import { attemptKinds, attemptResults, type Attempt, type NewAttempt } from './types';
import { parseInput } from './validate';

/**
 * How many attempts are kept; the oldest go first. A kiosk records one every few
 * seconds, and an audit list without an end would fill the browser's quota.
 */
export const maxAttempts = 5000;

const newAttemptSchema = z.strictObject({
  personId: z.string().min(1).nullable(),
  kind: z.enum(attemptKinds),
  result: z.enum(attemptResults),
  similarity: similaritySchema,
});

/**
 * Records a verification or identification. Only the fields of `NewAttempt` are
 * accepted, so no image or embedding can slip into the audit list.
 *
 * @throws StoreError `invalid-input`; `not-found` when `personId` names no one here.
 */
export async function recordAttempt(connection: Connection, input: NewAttempt): Promise<Attempt> {
  const attempt = parseInput(newAttemptSchema, input);
  const record: AttemptRecord = { time: new Date().toISOString(), ...attempt };

  const id = await inWriteTransaction(connection, ['people', 'attempts'], async (tx) => {
    if (attempt.personId !== null) {
      const person = await tx.objectStore('people').getKey(attempt.personId);
      if (person === undefined) throw new StoreError('not-found', `no person ${attempt.personId}`);
    }
    const attempts = tx.objectStore('attempts');
    const newId = await attempts.add(record);

    // Keys increase, so the first ones are the oldest.
    const excess = (await attempts.count()) - maxAttempts;
    if (excess > 0) {
      for (const oldId of await attempts.getAllKeys(null, excess)) await attempts.delete(oldId);
    }
    return newId;
  });
  return { id, time: record.time, ...attempt };
}

/**
 * Attempts, newest first: everyone's, or those naming `personId`.
 *
 * @throws StoreError `corrupt` when a stored attempt does not fit the schema.
 */
export async function listAttempts(
  connection: Connection,
  filter: { personId?: string } = {},
): Promise<Attempt[]> {
  const records = await inReadTransaction(connection, ['attempts'], (tx) => {
    const attempts = tx.objectStore('attempts');
    return filter.personId === undefined
      ? attempts.getAll()
      : attempts.index('by-person').getAll(filter.personId);
  });
  return records.map(parseAttemptRecord).sort((a, b) => b.id - a.id);
}

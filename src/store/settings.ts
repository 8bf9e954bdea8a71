import { z } from 'zod';
import { farLevels } from '../shared/manifest';
import type { Connection } from './connection';
import { StoreError } from './errors';
import { operatorPinIterations } from './pinHash';
import { bytes } from './records';
import { inReadTransaction, inWriteTransaction } from './transaction';
import { detectorRanges, kioskTasks, type Settings } from './types';
import { parseInput } from './validate';

/**
 * The idle time a kiosk may be given, in seconds: from a few seconds (a quick check) to
 * ten minutes, past which the last person's result would linger for the next one.
 */
export const kioskIdleLimits = { minSeconds: 3, maxSeconds: 600 } as const;

/**
 * What a person who has chosen nothing gets: no consent (enrolment waits for it), one
 * false accept in a thousand impostor tries, the near-range detector, the default camera;
 * no kiosk, and once there is one, identification with 30 s before it forgets a person.
 */
export const defaultSettings: Settings = {
  consent: null,
  securityLevel: '0.001',
  detectorRange: 'short',
  cameraId: null,
  kioskActive: false,
  kioskTask: 'identify',
  kioskIdleSeconds: 30,
  operatorPin: null,
};

/**
 * A stored PIN hash. Fewer iterations than a new hash gets are refused, so a weaker hash
 * cannot be slipped in; up to ten times as many are accepted, so a later Facegate can
 * raise the count.
 */
const operatorPinSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z
    .number()
    .int()
    .min(operatorPinIterations)
    .max(operatorPinIterations * 10),
  salt: bytes(16),
  hash: bytes(32),
});

const settingSchemas = {
  consent: z
    .strictObject({ given: z.literal(true), at: z.iso.datetime({ offset: true }) })
    .nullable(),
  securityLevel: z.enum(farLevels),
  detectorRange: z.enum(detectorRanges),
  cameraId: z.string().min(1).max(1024).nullable(),
  kioskActive: z.boolean(),
  kioskTask: z.enum(kioskTasks),
  kioskIdleSeconds: z
    .number()
    .int()
    .min(kioskIdleLimits.minSeconds)
    .max(kioskIdleLimits.maxSeconds),
  operatorPin: operatorPinSchema.nullable(),
};

type SettingName = keyof Settings;
const settingNames = Object.keys(settingSchemas) as SettingName[];

const settingsSchema = z.strictObject(settingSchemas);

/** A change to some settings; null clears consent, the camera or the PIN to the default. */
const updateSchema = settingsSchema.partial();

/**
 * The settings, each one not yet chosen at its default.
 *
 * @throws StoreError `corrupt` when a stored setting does not fit its schema.
 */
export async function getSettings(connection: Connection): Promise<Settings> {
  const stored = await inReadTransaction(connection, ['settings'], async (tx) => {
    const store = tx.objectStore('settings');
    return Promise.all(settingNames.map(async (name) => [name, await store.get(name)] as const));
  });
  const chosen = Object.fromEntries(stored.filter(([, value]) => value !== undefined));
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...chosen });
  if (!parsed.success) {
    throw new StoreError('corrupt', `a stored setting: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Changes the settings named in `change`, all at once, and returns them all.
 *
 * @throws StoreError `invalid-input` naming the setting at fault; nothing changes then.
 */
export async function updateSettings(
  connection: Connection,
  change: Partial<Settings>,
): Promise<Settings> {
  const parsed = parseInput(updateSchema, change);
  await inWriteTransaction(connection, ['settings'], async (tx) => {
    const store = tx.objectStore('settings');
    for (const name of settingNames) {
      const value = parsed[name];
      if (value === undefined) continue;
      // null means "back to the default", which is the same as never chosen.
      await (value === null ? store.delete(name) : store.put(value, name));
    }
  });
  return getSettings(connection);
}

import { z } from 'zod';
import { farLevels } from '../shared/manifest';
import type { Connection } from './connection';
import { StoreError } from './errors';
import { inReadTransaction, inWriteTransaction } from './transaction';
import { detectorRanges, type Settings } from './types';
import { parseInput } from './validate';

/**
 * What a person who has chosen nothing gets: no consent (enrolment waits for it), one
 * false accept in a thousand impostor tries, the near-range detector, the default camera.
 */
export const defaultSettings: Settings = {
  consent: null,
  securityLevel: '0.001',
  detectorRange: 'short',
  cameraId: null,
};

const settingSchemas = {
  consent: z
    .strictObject({ given: z.literal(true), at: z.iso.datetime({ offset: true }) })
    .nullable(),
  securityLevel: z.enum(farLevels),
  detectorRange: z.enum(detectorRanges),
  cameraId: z.string().min(1).max(1024).nullable(),
};

type SettingName = keyof Settings;
const settingNames = Object.keys(settingSchemas) as SettingName[];

const settingsSchema = z.strictObject(settingSchemas);

/** A change to some settings; null clears consent or the camera back to the default. */
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

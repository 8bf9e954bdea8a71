import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseName } from './schema';
import { defaultSettings } from './settings';
import { openFacegateStore, type FacegateStore } from './store';
import { dumpDatabase, freshIndexedDB } from './testSupport';

let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => store.close());

describe('settings', () => {
  it('starts at the defaults', async () => {
    expect(await store.getSettings()).toEqual(defaultSettings);
  });

  it('changes only what is named, and null clears back to the default', async () => {
    const at = '2025-03-01T10:00:00.000Z';
    await store.updateSettings({ consent: { given: true, at }, cameraId: 'cam-1' });
    expect(await store.updateSettings({ securityLevel: '0.0001' })).toEqual({
      consent: { given: true, at },
      securityLevel: '0.0001',
      detectorRange: 'short',
      cameraId: 'cam-1',
    });
    expect(await store.updateSettings({ consent: null, cameraId: null })).toEqual({
      ...defaultSettings,
      securityLevel: '0.0001',
    });
  });

  it.each([
    ['an unknown security level', { securityLevel: '0.5' }],
    ['consent not given', { consent: { given: false, at: '2025-03-01T10:00:00Z' } }],
    ['consent without a date', { consent: { given: true, at: 'yesterday' } }],
    ['an unknown setting', { theme: 'dark' }],
    ['an unknown detector range', { detectorRange: 'long' }],
  ])('refuses %s, changing nothing', async (_, change) => {
    await store.updateSettings({ detectorRange: 'full' });
    const before = await dumpDatabase();
    await expect(
      store.updateSettings({ cameraId: 'cam-2', ...change } as never),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await dumpDatabase()).toEqual(before);
  });
});

describe('a stored setting that does not fit', () => {
  it('is reported as corrupt', async () => {
    const db = await openDB(databaseName);
    await db.put('settings', 'extreme', 'securityLevel');
    db.close();
    await expect(store.getSettings()).rejects.toMatchObject({ code: 'corrupt' });
  });
});

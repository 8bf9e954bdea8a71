import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { databaseName, databaseVersion, migrations } from './schema';
import { openFacegateStore } from './store';
import { freshIndexedDB } from './testSupport';

beforeEach(freshIndexedDB);

describe('schema', () => {
  it('has one migration step per version', () => {
    expect(databaseVersion).toBe(1);
    expect(migrations).toHaveLength(databaseVersion);
  });

  it('builds every store and index from an empty database', async () => {
    const store = await openFacegateStore();
    store.close();

    const db = await openDB(databaseName);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual([
      'attempts',
      'keys',
      'people',
      'settings',
      'templates',
    ]);
    const tx = db.transaction([...db.objectStoreNames], 'readonly');
    const people = tx.objectStore('people');
    expect(people.keyPath).toBe('id');
    expect(people.index('by-name-key').unique).toBe(true);
    expect(tx.objectStore('templates').keyPath).toBe('personId');
    expect(tx.objectStore('templates').index('by-model').keyPath).toBe('modelId');
    const attempts = tx.objectStore('attempts');
    expect(attempts.autoIncrement).toBe(true);
    expect(attempts.index('by-person').keyPath).toBe('personId');
    expect(tx.objectStore('settings').keyPath).toBeNull();
    expect(tx.objectStore('keys').keyPath).toBe('id');
    await tx.done;
    db.close();
  });

  it('opens a database it built before without changing it', async () => {
    const first = await openFacegateStore();
    await first.updateSettings({ detectorRange: 'full' });
    first.close();

    const second = await openFacegateStore();
    expect((await second.getSettings()).detectorRange).toBe('full');
    second.close();
  });

  it('refuses a database left by a newer Facegate as unavailable', async () => {
    const newer = await openDB(databaseName, databaseVersion + 1);
    newer.close();
    await expect(openFacegateStore()).rejects.toMatchObject({ code: 'unavailable' });
  });
});

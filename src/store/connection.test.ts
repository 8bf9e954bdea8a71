import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseName } from './schema';
import { openFacegateStore, type FacegateStore } from './store';
import { captureConnections, freshIndexedDB, newPerson } from './testSupport';

let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => store.close());

describe('a closed connection', () => {
  it('fails every later call as closed after the browser closes it', async () => {
    freshIndexedDB();
    const connections = captureConnections();
    const own = await openFacegateStore();
    forceCloseDatabase(connections[0]! as never);
    await expect(own.listPeople()).rejects.toMatchObject({
      code: 'closed',
      message: expect.stringContaining('browser closed'),
    });
    await expect(own.addPerson(newPerson('Ana'))).rejects.toMatchObject({ code: 'closed' });
  });

  it('closes itself when another tab upgrades the database, and fails as closed', async () => {
    const newer = await openDB(databaseName, 2);
    newer.close();
    await expect(store.listPeople()).rejects.toMatchObject({
      code: 'closed',
      message: expect.stringContaining('another tab'),
    });
  });

  it('fails as closed after close()', async () => {
    store.close();
    await expect(store.getSettings()).rejects.toMatchObject({ code: 'closed' });
  });

  it('fails to open as unavailable without IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser that offers no IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(openFacegateStore()).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

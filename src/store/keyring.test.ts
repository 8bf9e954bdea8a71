import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from './connection';
import { assertKeyCurrent, withTemplateKey } from './keyring';
import { eraseAll } from './people';
import { databaseName, type FacegateDB } from './schema';
import { openFacegateStore } from './store';
import { freshIndexedDB, newPerson } from './testSupport';
import { inWriteTransaction } from './transaction';

let connection: Connection;

beforeEach(async () => {
  freshIndexedDB();
  connection = await openConnection();
});
afterEach(() => connection.close());

describe('the template key', () => {
  it('is made once and reused', async () => {
    const first = await withTemplateKey(connection, async (k) => k.keyId);
    const second = await withTemplateKey(connection, async (k) => k.keyId);
    expect(second).toBe(first);
  });

  it('is fetched anew when it was erased between encryption and the write', async () => {
    const seen: string[] = [];
    await withTemplateKey(connection, async ({ keyId }) => {
      seen.push(keyId);
      if (seen.length === 1) await eraseAll(connection);
      await inWriteTransaction(connection, ['keys'], (tx) =>
        assertKeyCurrent(tx.objectStore('keys'), keyId),
      );
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]).not.toBe(seen[0]);
  });

  it('leaves templates unreadable, as corrupt, once it is gone', async () => {
    const store = await openFacegateStore();
    const ana = await store.addPerson(newPerson('Ana'));
    const db = await openDB<FacegateDB>(databaseName);
    await db.clear('keys');
    db.close();
    await expect(store.getTemplate(ana.id)).rejects.toMatchObject({ code: 'corrupt' });
    await expect(store.exportBackup('long enough')).rejects.toMatchObject({ code: 'corrupt' });
    store.close();
  });

  it('reports a stored person that does not fit the schema as corrupt', async () => {
    const store = await openFacegateStore();
    const ana = await store.addPerson(newPerson('Ana'));
    const db = await openDB<FacegateDB>(databaseName);
    const record = (await db.get('people', ana.id))!;
    await db.put('people', { ...record, embeddingCount: -1 });
    db.close();
    await expect(store.listPeople()).rejects.toMatchObject({ code: 'corrupt' });
    store.close();
  });
});

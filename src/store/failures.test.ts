import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFacegateStore, type FacegateStore } from './store';
import { dumpDatabase, freshIndexedDB, makeEmbeddings, newPerson, testModel } from './testSupport';

let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
});

type Method = 'add' | 'put' | 'delete';

/**
 * Makes `method` on object store `storeName` throw `error` from the `nth` call on: the
 * transaction has by then made other requests, which must not commit.
 */
function failOn(storeName: string, method: Method, error: unknown, nth = 1): void {
  const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
    this: IDBObjectStore,
    ...args: unknown[]
  ) {
    if (this.name === storeName && ++calls >= nth) throw error;
    return original.apply(this, args);
  } as never);
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a write that fails part-way', () => {
  it('leaves no person without a template (addPerson)', async () => {
    await store.addPerson(newPerson('Ana', 1));
    const before = await dumpDatabase();

    failOn('templates', 'add', new Error('disk on fire'));
    await expect(store.addPerson(newPerson('Bo', 2))).rejects.toMatchObject({
      code: 'unavailable',
    });
    vi.restoreAllMocks();

    expect(await dumpDatabase()).toEqual(before);
    expect((await store.listPeople()).map((p) => p.name)).toEqual(['Ana']);
  });

  it('keeps the old template when the person cannot be updated (replaceTemplate)', async () => {
    const ana = await store.addPerson(newPerson('Ana', 1));
    const before = await dumpDatabase();

    failOn('people', 'put', quotaError());
    await expect(
      store.replaceTemplate(ana.id, testModel.modelId, makeEmbeddings(2, 32, 5)),
    ).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();

    expect(await dumpDatabase()).toEqual(before);
    expect((await store.getTemplate(ana.id)).embeddings).toEqual(newPerson('Ana', 1).embeddings);
  });

  it('keeps the person and their attempts when one attempt cannot be deleted', async () => {
    const ana = await store.addPerson(newPerson('Ana'));
    for (let i = 0; i < 3; i++) {
      await store.recordAttempt({
        personId: ana.id,
        kind: 'verify',
        result: 'accepted',
        similarity: 0.9,
      });
    }
    const before = await dumpDatabase();

    failOn('attempts', 'delete', new Error('injected'), 2);
    await expect(store.deletePerson(ana.id)).rejects.toBeDefined();
    vi.restoreAllMocks();

    expect(await dumpDatabase()).toEqual(before);
  });

  it('keeps every setting when a later one cannot be written', async () => {
    await store.updateSettings({ detectorRange: 'full' });
    const before = await dumpDatabase();

    failOn('settings', 'put', quotaError(), 2);
    await expect(
      store.updateSettings({ securityLevel: '0.01', detectorRange: 'short', cameraId: 'c' }),
    ).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();

    expect(await dumpDatabase()).toEqual(before);
  });
});

describe('a full disk', () => {
  it('is reported as quota, with nothing saved', async () => {
    failOn('people', 'add', quotaError());
    const error = await store.addPerson(newPerson('Ana')).catch((e: unknown) => e);
    vi.restoreAllMocks();

    expect(error).toMatchObject({ name: 'StoreError', code: 'quota' });
    const after = await dumpDatabase();
    expect(after.people).toEqual([]);
    expect(after.templates).toEqual([]);
  });

  it('is reported as quota when the key cannot be stored', async () => {
    failOn('keys', 'add', quotaError());
    await expect(store.addPerson(newPerson('Ana'))).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await dumpDatabase()).toEqual({
      people: [],
      templates: [],
      attempts: [],
      settings: [],
      keys: [],
    });
  });
});

describe('an import that fails part-way', () => {
  it('adds nobody', async () => {
    for (const [i, name] of ['Ana', 'Bo', 'Cy'].entries()) {
      await store.addPerson(newPerson(name, i + 1));
    }
    const text = await store.exportBackup('a long passphrase');
    await store.eraseAll();
    await store.addPerson(newPerson('Zed', 9));
    const before = await dumpDatabase();

    failOn('templates', 'add', quotaError(), 3);
    await expect(store.importBackup(text, 'a long passphrase', testModel)).rejects.toMatchObject({
      code: 'quota',
    });
    vi.restoreAllMocks();

    expect(await dumpDatabase()).toEqual(before);
  });
});

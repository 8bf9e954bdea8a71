import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxAttempts } from './attempts';
import { openFacegateStore, type FacegateStore } from './store';
import { dumpDatabase, freshIndexedDB, newPerson } from './testSupport';

let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => store.close());

describe('attempts', () => {
  it('records attempts and lists them newest first, for everyone or one person', async () => {
    const ana = await store.addPerson(newPerson('Ana'));
    const first = await store.recordAttempt({
      personId: ana.id,
      kind: 'verify',
      result: 'accepted',
      similarity: 0.71,
    });
    const second = await store.recordAttempt({
      personId: null,
      kind: 'identify',
      result: 'unknown',
      similarity: null,
    });

    expect(first).toMatchObject({ personId: ana.id, kind: 'verify', similarity: 0.71 });
    expect(new Date(first.time).getTime()).not.toBeNaN();
    expect((await store.listAttempts()).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await store.listAttempts({ personId: ana.id })).toEqual([first]);
  });

  it('removes a person’s attempts with them', async () => {
    const ana = await store.addPerson(newPerson('Ana'));
    await store.recordAttempt({
      personId: ana.id,
      kind: 'verify',
      result: 'rejected',
      similarity: 0.1,
    });
    const other = await store.recordAttempt({
      personId: null,
      kind: 'identify',
      result: 'unknown',
      similarity: null,
    });
    await store.deletePerson(ana.id);
    expect(await store.listAttempts()).toEqual([other]);
  });

  it.each([
    ['an embedding field', { embedding: [0.1, 0.2] }],
    ['an image field', { image: 'data:image/png;base64,AAAA' }],
    ['an unknown kind', { kind: 'enrol' }],
    ['a similarity over 1', { similarity: 1.5 }],
    ['a NaN similarity', { similarity: NaN }],
  ])('refuses %s', async (_, change) => {
    const input = {
      personId: null,
      kind: 'identify',
      result: 'unknown',
      similarity: null,
      ...change,
    };
    await expect(store.recordAttempt(input as never)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect((await dumpDatabase()).attempts).toEqual([]);
  });

  it('refuses an attempt naming nobody enrolled', async () => {
    await expect(
      store.recordAttempt({
        personId: 'ghost',
        kind: 'verify',
        result: 'rejected',
        similarity: 0.2,
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it(`keeps the newest ${maxAttempts}`, async () => {
    for (let i = 0; i < maxAttempts + 2; i++) {
      await store.recordAttempt({
        personId: null,
        kind: 'identify',
        result: 'unknown',
        similarity: null,
      });
    }
    const attempts = await store.listAttempts();
    expect(attempts).toHaveLength(maxAttempts);
    expect(attempts.at(-1)!.id).toBe(3);
  });
});

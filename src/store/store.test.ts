import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packEmbeddings } from './crypto';
import { databaseName, type FacegateDB, type TemplateRecord } from './schema';
import { openFacegateStore, type FacegateStore } from './store';
import {
  dumpDatabase,
  freshIndexedDB,
  makeEmbeddings,
  newPerson,
  sharesRun,
  testModel,
} from './testSupport';

let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => store.close());

/** The raw template record, as another script in the page would see it. */
async function rawTemplate(personId: string): Promise<TemplateRecord | undefined> {
  const db = await openDB<FacegateDB>(databaseName);
  const record = await db.get('templates', personId);
  db.close();
  return record;
}

describe('people and templates', () => {
  it('adds, reads, lists and deletes a person with their template', async () => {
    const input = newPerson('  Ana Lima ', 7);
    const ana = await store.addPerson(input);
    const bo = await store.addPerson(newPerson('bo', 8));

    expect(ana).toMatchObject({ name: 'Ana Lima', modelId: testModel.modelId, embeddingCount: 3 });
    expect(await store.getPerson(ana.id)).toEqual(ana);
    expect((await store.listPeople()).map((p) => p.name)).toEqual(['Ana Lima', 'bo']);
    expect(await store.getTemplate(ana.id)).toEqual({
      personId: ana.id,
      modelId: testModel.modelId,
      embeddings: input.embeddings,
    });
    expect((await store.getAllTemplates(testModel.modelId)).map((t) => t.personId).sort()).toEqual(
      [ana.id, bo.id].sort(),
    );
    expect(await store.getAllTemplates('another-model')).toEqual([]);

    await store.deletePerson(ana.id);
    await expect(store.getPerson(ana.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.getTemplate(ana.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await rawTemplate(ana.id)).toBeUndefined();
    expect((await store.listPeople()).map((p) => p.id)).toEqual([bo.id]);
    await expect(store.deletePerson(ana.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('replaces a template on re-enrolment, keeping the person', async () => {
    const ana = await store.addPerson(newPerson('Ana', 1, 3));
    const fresh = makeEmbeddings(5, 64, 99);
    await store.replaceTemplate(ana.id, 'model-b', fresh);

    expect(await store.getTemplate(ana.id)).toEqual({
      personId: ana.id,
      modelId: 'model-b',
      embeddings: fresh,
    });
    expect(await store.getPerson(ana.id)).toEqual({
      ...ana,
      modelId: 'model-b',
      embeddingCount: 5,
    });
    await expect(store.replaceTemplate('nobody', 'model-b', fresh)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('stores the template only as ciphertext, sharing no run of bytes with the floats', async () => {
    const input = newPerson('Ana', 3, 10);
    const ana = await store.addPerson(input);
    const record = (await rawTemplate(ana.id))!;

    const plain = packEmbeddings(input.embeddings);
    expect(record.iv).toHaveLength(12);
    expect(record.ciphertext.byteLength).toBe(plain.byteLength + 16);
    expect(record.ciphertext.subarray(0, plain.byteLength)).not.toEqual(plain);
    expect(sharesRun(record.ciphertext, plain, 8)).toBe(false);
    expect(JSON.stringify(await dumpDatabase())).not.toContain(String(input.embeddings[0]![0]));
  });

  it('fails as corrupt when one person’s ciphertext is copied onto another’s record', async () => {
    const ana = await store.addPerson(newPerson('Ana', 1));
    const bo = await store.addPerson(newPerson('Bo', 2));
    const db = await openDB<FacegateDB>(databaseName);
    const anaRecord = (await db.get('templates', ana.id))!;
    await db.put('templates', { ...anaRecord, personId: bo.id });
    db.close();

    await expect(store.getTemplate(bo.id)).rejects.toMatchObject({ code: 'corrupt' });
    await expect(store.getAllTemplates(testModel.modelId)).rejects.toMatchObject({
      code: 'corrupt',
    });
    expect((await store.getTemplate(ana.id)).personId).toBe(ana.id);
  });

  it('refuses a duplicate name, whatever its case or spacing', async () => {
    await store.addPerson(newPerson('Ana Lima'));
    const before = await dumpDatabase();
    await expect(store.addPerson(newPerson(' ANA LIMA', 2))).rejects.toMatchObject({
      code: 'duplicate-name',
      personName: 'ANA LIMA',
    });
    expect(await dumpDatabase()).toEqual(before);
  });

  it.each([
    ['an empty name', { name: '   ' }],
    ['a name over 64 characters', { name: 'x'.repeat(65) }],
    ['a control character', { name: 'Ana\u0007' }],
    ['a bidirectional override', { name: 'Ana\u202e' }],
    ['a zero-width space inside a name', { name: 'A\u200bna' }],
    ['a name of only zero-width characters', { name: '\u200d\u200c' }],
    ['a byte-order mark inside a name', { name: 'An\ufeffa' }],
    ['an empty model id', { modelId: '' }],
    ['no embeddings', { embeddings: [] }],
    ['51 embeddings', { embeddings: makeEmbeddings(51, 32) }],
    ['embeddings of 15 values', { embeddings: makeEmbeddings(2, 15) }],
    ['embeddings of 4097 values', { embeddings: makeEmbeddings(1, 4097) }],
    [
      'embeddings of unequal length',
      { embeddings: [...makeEmbeddings(1, 32), ...makeEmbeddings(1, 33)] },
    ],
    ['a NaN', { embeddings: [Float32Array.from({ length: 32 }, (_, i) => (i === 5 ? NaN : 0.1))] }],
    ['an Infinity', { embeddings: [new Float32Array(32).fill(-Infinity)] }],
    ['a plain array', { embeddings: [Array.from({ length: 32 }, () => 0.1)] }],
    ['an all-zero embedding', { embeddings: [new Float32Array(32)] }],
    [
      'embeddings that cancel out',
      { embeddings: [new Float32Array(32).fill(0.5), new Float32Array(32).fill(-0.5)] },
    ],
  ])('refuses %s as invalid input, storing nothing', async (_, change) => {
    const input = { ...newPerson('Ana'), ...change } as Parameters<FacegateStore['addPerson']>[0];
    await expect(store.addPerson(input)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await dumpDatabase()).toEqual(await emptyDump());
  });

  it('accepts names of 64 characters, accents and joiners', async () => {
    await store.addPerson(newPerson('é'.repeat(64)));
    await store.addPerson(newPerson('👩‍🔬 Zoë', 2));
    expect(await store.listPeople()).toHaveLength(2);
  });
});

async function emptyDump() {
  return { people: [], templates: [], attempts: [], settings: [], keys: [] };
}

describe('eraseAll', () => {
  it('empties every store, the key included, and makes a new key on the next write', async () => {
    const ana = await store.addPerson(newPerson('Ana'));
    await store.recordAttempt({
      personId: ana.id,
      kind: 'verify',
      result: 'accepted',
      similarity: 0.8,
    });
    await store.updateSettings({ detectorRange: 'full' });
    const keyBefore = (await dumpDatabase()).keys;

    await store.eraseAll();
    expect(await dumpDatabase()).toEqual(await emptyDump());

    await store.addPerson(newPerson('Ana'));
    const keyAfter = (await dumpDatabase()).keys;
    expect(keyAfter).toHaveLength(1);
    expect(keyAfter).not.toEqual(keyBefore);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { sealBackup } from './backupCrypto';
import { backupLimits, type BackupContent } from './backupFormat';
import { openFacegateStore, type FacegateStore } from './store';
import { dumpDatabase, freshIndexedDB, makeEmbeddings, newPerson, testModel } from './testSupport';

const passphrase = 'correct horse battery';
let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => store.close());

/** The store emptied into a new browser (a fresh IndexedDB), opened. */
async function openElsewhere(): Promise<FacegateStore> {
  store.close();
  freshIndexedDB();
  store = await openFacegateStore();
  return store;
}

/** A backup whose content is `content` as given, sealed properly under `passphrase`. */
function sealContent(content: unknown): Promise<string> {
  return sealBackup(typeof content === 'string' ? content : JSON.stringify(content), passphrase);
}

function personContent(change: Record<string, unknown> = {}) {
  return {
    name: 'Ana',
    createdAt: '2025-01-02T03:04:05.000Z',
    modelId: testModel.modelId,
    embeddings: makeEmbeddings(2, testModel.embeddingSize).map((e) => Array.from(e)),
    ...change,
  };
}

function content(people: unknown[]): BackupContent {
  return { exportedAt: '2025-02-01T00:00:00.000Z', people } as BackupContent;
}

/** Imports `text`, expects refusal with `code`, and that nothing stored changed. */
async function expectRefused(text: string, code: string, phrase = passphrase) {
  await store.addPerson(newPerson('Zed', 9));
  const before = await dumpDatabase();
  await expect(store.importBackup(text, phrase, testModel)).rejects.toMatchObject({ code });
  expect(await dumpDatabase()).toEqual(before);
}

describe('backup', () => {
  it('round-trips everyone into an empty store, under that browser’s own key', async () => {
    const ana = await store.addPerson(newPerson('Ana', 1));
    const bo = await store.addPerson(newPerson('Bo', 2, 5));
    const templates = await store.getAllTemplates(testModel.modelId);
    const text = await store.exportBackup(passphrase);

    const envelope = JSON.parse(text);
    expect(envelope).toMatchObject({
      format: 'facegate-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 310000 },
      cipher: { name: 'AES-GCM' },
    });
    expect(fromBase64(envelope.kdf.salt)).toHaveLength(16);
    expect(fromBase64(envelope.cipher.iv)).toHaveLength(12);
    expect(text).not.toContain('Ana');

    const other = await openElsewhere();
    const imported = await other.importBackup(text, passphrase, testModel);
    expect(imported.map((p) => [p.name, p.createdAt, p.embeddingCount])).toEqual([
      ['Ana', ana.createdAt, 3],
      ['Bo', bo.createdAt, 5],
    ]);
    for (const person of imported) {
      const original = templates.find(
        (t) => t.personId === (person.name === 'Ana' ? ana.id : bo.id),
      );
      expect((await other.getTemplate(person.id)).embeddings).toEqual(original!.embeddings);
    }
  });

  it('exports an empty store and imports it as nothing', async () => {
    const text = await store.exportBackup(passphrase);
    expect(await store.importBackup(text, passphrase, testModel)).toEqual([]);
  });

  it('refuses a passphrase under 8 characters on export', async () => {
    await expect(store.exportBackup('short')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('refuses the whole import when a name is already enrolled, naming the person', async () => {
    await store.addPerson(newPerson('Ana', 1));
    await store.addPerson(newPerson('Bo', 2));
    const text = await store.exportBackup(passphrase);
    const other = await openElsewhere();
    await other.addPerson(newPerson('BO', 3));
    const before = await dumpDatabase();

    const error = await other.importBackup(text, passphrase, testModel).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'duplicate-name', personName: 'Bo' });
    expect(await dumpDatabase()).toEqual(before);
  });

  it('refuses a wrong passphrase', async () => {
    await expectRefused(
      await sealContent(content([personContent()])),
      'backup-passphrase',
      'wrong passphrase',
    );
  });

  it('refuses a backup with one ciphertext byte changed', async () => {
    const envelope = JSON.parse(await sealContent(content([personContent()])));
    const bytes = fromBase64(envelope.ciphertext);
    bytes[10] = bytes[10]! ^ 1;
    envelope.ciphertext = toBase64(bytes);
    await expectRefused(JSON.stringify(envelope), 'backup-passphrase');
  });

  it.each([
    [
      'NaN (null in JSON)',
      () =>
        JSON.stringify(content([personContent({ embeddings: [[null, ...Array(31).fill(0)]] })])),
    ],
    [
      'Infinity (1e999)',
      () =>
        JSON.stringify(content([personContent({ embeddings: [Array(32).fill(0.5)] })])).replace(
          '0.5',
          '1e999',
        ),
    ],
    [
      'a value beyond float32',
      () => content([personContent({ embeddings: [[1e39, ...Array(31).fill(0)]] })]),
    ],
    [
      'embeddings of the wrong length',
      () =>
        content([personContent({ embeddings: makeEmbeddings(1, 64).map((e) => Array.from(e)) })]),
    ],
    ['an all-zero embedding', () => content([personContent({ embeddings: [Array(32).fill(0)] })])],
    [
      'embeddings that cancel out',
      () => {
        const [e] = makeEmbeddings(1, 32).map((v) => Array.from(v));
        return content([personContent({ embeddings: [e, e!.map((x) => -x)] })]);
      },
    ],
    ['a name with a control character', () => content([personContent({ name: 'A\u0000na' })])],
    ['one name twice', () => content([personContent(), personContent({ name: 'ana' })])],
    ['an unknown field', () => content([personContent({ image: 'data:' })])],
    [
      'more than 10,000 people',
      () =>
        content(
          Array.from({ length: backupLimits.maxPeople + 1 }, (_, i) =>
            personContent({ name: `p${i}`, embeddings: [Array(32).fill(0)] }),
          ),
        ),
    ],
    ['content that is not JSON', () => 'not json'],
  ])('refuses content with %s as invalid', async (_, make) => {
    await expectRefused(await sealContent(make()), 'backup-invalid');
  });

  it('refuses a backup made with another model', async () => {
    await expectRefused(
      await sealContent(content([personContent({ modelId: 'other-embedder' })])),
      'backup-model',
    );
  });

  it.each([
    ['10 MB of junk', () => 'x'.repeat(10 * 1024 * 1024 + 1)],
    ['more than 20 MB', () => ' '.repeat(backupLimits.maxTextLength + 1)],
    ['bad JSON', () => '{"format": "facegate-backup",'],
    ['JSON that is not an object', () => '[1, 2, 3]'],
  ])('refuses %s as invalid', async (_, make) => {
    await expectRefused(make(), 'backup-invalid');
  });

  it.each([
    [
      'the wrong format field',
      (e: Record<string, unknown>) => ({ ...e, format: 'something-else' }),
    ],
    ['another version', (e: Record<string, unknown>) => ({ ...e, version: 2 })],
    [
      'too few iterations',
      (e: Record<string, unknown>) => ({ ...e, kdf: { ...(e.kdf as object), iterations: 1000 } }),
    ],
    [
      'a short IV',
      (e: Record<string, unknown>) => ({ ...e, cipher: { name: 'AES-GCM', iv: 'AAAA' } }),
    ],
    [
      'a ciphertext that is not base64',
      (e: Record<string, unknown>) => ({ ...e, ciphertext: '!!!!' }),
    ],
  ])('refuses an envelope with %s as invalid', async (_, change) => {
    const envelope = JSON.parse(await sealContent(content([personContent()])));
    await expectRefused(JSON.stringify(change(envelope)), 'backup-invalid');
  });
});

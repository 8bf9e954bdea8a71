import { z } from 'zod';
import type { Connection } from './connection';
import { decryptTemplate, encryptTemplate } from './crypto';
import { StoreError } from './errors';
import { assertKeyCurrent, readTemplateKey, withTemplateKey } from './keyring';
import { parsePersonRecord, parseTemplateRecord } from './records';
import type { KeyRecord, TemplateRecord } from './schema';
import { inReadTransaction, inWriteTransaction } from './transaction';
import type { StoredTemplate } from './types';
import { checkEmbeddings, modelIdSchema, parseInput } from './validate';

/**
 * A person's template, decrypted.
 *
 * @throws StoreError `not-found` when no one has that id; `corrupt` when the template is
 * missing, altered, or fails to decrypt.
 */
export async function getTemplate(
  connection: Connection,
  personId: string,
): Promise<StoredTemplate> {
  const { person, record, key } = await inReadTransaction(
    connection,
    ['people', 'templates', 'keys'],
    async (tx) => ({
      person: await tx.objectStore('people').get(personId),
      record: await tx.objectStore('templates').get(personId),
      key: await readTemplateKey(tx.objectStore('keys')),
    }),
  );
  if (person === undefined) throw new StoreError('not-found', `no person ${personId}`);
  parsePersonRecord(person);
  return decrypt(key, record, personId);
}

/**
 * Every template enrolled with `modelId`, decrypted, for identification (1:N). People
 * enrolled with another model are left out: their embeddings cannot be compared.
 *
 * @throws StoreError `corrupt` when any of them fails to decrypt: identification over a
 * silently shortened list could name the wrong person.
 */
export async function getAllTemplates(
  connection: Connection,
  modelId: string,
): Promise<StoredTemplate[]> {
  const { records, key } = await inReadTransaction(
    connection,
    ['templates', 'keys'],
    async (tx) => ({
      records: await tx.objectStore('templates').index('by-model').getAll(modelId),
      key: await readTemplateKey(tx.objectStore('keys')),
    }),
  );
  return Promise.all(records.map((record) => decrypt(key, record, record.personId)));
}

async function decrypt(
  key: KeyRecord | undefined,
  stored: unknown,
  personId: string,
): Promise<StoredTemplate> {
  if (stored === undefined) throw new StoreError('corrupt', `${personId} has no template`);
  const record = parseTemplateRecord(stored);
  if (key === undefined) throw new StoreError('corrupt', 'templates exist but the key is gone');
  if (record.personId !== personId) {
    throw new StoreError('corrupt', `the template stored for ${personId} names another person`);
  }
  const embeddings = await decryptTemplate(key.key, record);
  return { personId, modelId: record.modelId, embeddings };
}

/**
 * Re-enrols a person: their template is replaced by `embeddings`, possibly from another
 * model. Person and template change in one transaction; a failure changes neither.
 *
 * @throws StoreError `not-found`, `invalid-input`, `quota`.
 */
export async function replaceTemplate(
  connection: Connection,
  personId: string,
  modelId: string,
  embeddings: readonly Float32Array[],
): Promise<void> {
  const model = parseInput(modelIdSchema, modelId);
  const checked = parseInput(z.array(z.instanceof(Float32Array)), embeddings);
  checkEmbeddings(checked);
  const copies = checked.map((e) => e.slice());

  await withTemplateKey(connection, async ({ key, keyId }) => {
    const template: TemplateRecord = await encryptTemplate(key, personId, model, copies);
    await inWriteTransaction(connection, ['people', 'templates', 'keys'], async (tx) => {
      await assertKeyCurrent(tx.objectStore('keys'), keyId);
      const people = tx.objectStore('people');
      const stored = await people.get(personId);
      if (stored === undefined) throw new StoreError('not-found', `no person ${personId}`);
      const person = parsePersonRecord(stored);
      await tx.objectStore('templates').put(template);
      await people.put({ ...person, modelId: model, embeddingCount: copies.length });
    });
  });
}

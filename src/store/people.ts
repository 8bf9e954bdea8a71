import { z } from 'zod';
import type { Connection } from './connection';
import { encryptTemplate } from './crypto';
import { StoreError } from './errors';
import { assertKeyCurrent, withTemplateKey } from './keyring';
import { parsePersonRecord, toPerson } from './records';
import type { PersonRecord, TemplateRecord } from './schema';
import { inReadTransaction, inWriteTransaction } from './transaction';
import type { NewPerson, Person } from './types';
import { checkEmbeddings, modelIdSchema, nameKey, nameSchema, parseInput } from './validate';

/** Everyone enrolled here, by name. */
export async function listPeople(connection: Connection): Promise<Person[]> {
  const records = await inReadTransaction(connection, ['people'], (tx) =>
    tx.objectStore('people').getAll(),
  );
  return records
    .map((r) => toPerson(parsePersonRecord(r)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** @throws StoreError `not-found` when no one has that id. */
export async function getPerson(connection: Connection, id: string): Promise<Person> {
  const record = await inReadTransaction(connection, ['people'], (tx) =>
    tx.objectStore('people').get(id),
  );
  if (record === undefined) throw new StoreError('not-found', `no person ${id}`);
  return toPerson(parsePersonRecord(record));
}

const newPersonSchema = z.object({
  name: nameSchema,
  modelId: modelIdSchema,
  embeddings: z.array(z.instanceof(Float32Array)),
});

/** A person and their encrypted template, ready to be written together. */
export interface Enrolment {
  readonly person: PersonRecord;
  readonly embeddings: readonly Float32Array[];
}

/**
 * A person record for `input`, with a new id.
 *
 * @throws StoreError `invalid-input` when the name, model id or embeddings are not valid.
 */
export function prepareEnrolment(input: NewPerson, createdAt = new Date()): Enrolment {
  const { name, modelId, embeddings } = parseInput(newPersonSchema, input);
  checkEmbeddings(embeddings);
  const person: PersonRecord = {
    id: crypto.randomUUID(),
    name,
    nameKey: nameKey(name),
    createdAt: createdAt.toISOString(),
    modelId,
    embeddingCount: embeddings.length,
  };
  // Copied, so that a caller reusing its arrays cannot change what was checked.
  return { person, embeddings: embeddings.map((e) => e.slice()) };
}

/**
 * Encrypts and writes every enrolment in one transaction: all are stored, each with its
 * template, or none is.
 *
 * @throws StoreError `duplicate-name` naming the first person whose name is taken here.
 */
export async function insertEnrolments(
  connection: Connection,
  enrolments: readonly Enrolment[],
): Promise<void> {
  await withTemplateKey(connection, async ({ key, keyId }) => {
    const templates: TemplateRecord[] = [];
    for (const { person, embeddings } of enrolments) {
      templates.push(await encryptTemplate(key, person.id, person.modelId, embeddings));
    }

    await inWriteTransaction(connection, ['people', 'templates', 'keys'], async (tx) => {
      await assertKeyCurrent(tx.objectStore('keys'), keyId);
      const people = tx.objectStore('people');
      const byName = people.index('by-name-key');
      for (const [i, { person }] of enrolments.entries()) {
        if ((await byName.getKey(person.nameKey)) !== undefined) {
          throw new StoreError('duplicate-name', `"${person.name}" is already enrolled`, {
            personName: person.name,
          });
        }
        await people.add(person);
        await tx.objectStore('templates').add(templates[i]!);
      }
    });
  });
}

/**
 * Enrols a person: the person and their template are written in one transaction, so
 * there is never a person without a template.
 *
 * @throws StoreError `invalid-input`, `duplicate-name` (case-insensitive), `quota`.
 */
export async function addPerson(connection: Connection, input: NewPerson): Promise<Person> {
  const enrolment = prepareEnrolment(input);
  await insertEnrolments(connection, [enrolment]);
  return toPerson(enrolment.person);
}

/**
 * Removes a person, their template and every attempt that names them.
 *
 * @throws StoreError `not-found` when no one has that id.
 */
export async function deletePerson(connection: Connection, id: string): Promise<void> {
  await inWriteTransaction(connection, ['people', 'templates', 'attempts'], async (tx) => {
    const people = tx.objectStore('people');
    if ((await people.getKey(id)) === undefined) {
      throw new StoreError('not-found', `no person ${id}`);
    }
    await people.delete(id);
    await tx.objectStore('templates').delete(id);
    const attempts = tx.objectStore('attempts');
    for (const attemptId of await attempts.index('by-person').getAllKeys(id)) {
      await attempts.delete(attemptId);
    }
  });
}

/** Empties every store, the template key included; the next enrolment makes a new key. */
export async function eraseAll(connection: Connection): Promise<void> {
  const stores = ['people', 'templates', 'attempts', 'settings', 'keys'] as const;
  await inWriteTransaction(connection, [...stores], async (tx) => {
    for (const name of stores) await tx.objectStore(name).clear();
  });
}

import { z } from 'zod';
import { openBackup, sealBackup } from './backupCrypto';
import {
  backupContentSchema,
  backupLimits,
  envelopeSchema,
  type BackupContent,
  type BackupPerson,
} from './backupFormat';
import type { Connection } from './connection';
import { decryptTemplate } from './crypto';
import { StoreError } from './errors';
import { readTemplateKey } from './keyring';
import { insertEnrolments, prepareEnrolment } from './people';
import { parsePersonRecord, parseTemplateRecord, toPerson } from './records';
import { inReadTransaction } from './transaction';
import type { Person, RunningModel } from './types';
import { checkPassphrase, embeddingLimits, modelIdSchema, nameKey, parseInput } from './validate';

/**
 * Everyone enrolled here, templates decrypted, as the text of a backup file encrypted
 * under `passphrase` (PBKDF2 then AES-GCM). Attempts and settings are not included.
 *
 * @throws StoreError `invalid-input` when the passphrase is under 8 characters;
 * `corrupt` when a stored template fails to decrypt.
 */
export async function exportBackup(connection: Connection, passphrase: string): Promise<string> {
  checkPassphrase(passphrase);
  const { people, templates, key } = await inReadTransaction(
    connection,
    ['people', 'templates', 'keys'],
    async (tx) => ({
      people: await tx.objectStore('people').getAll(),
      templates: await tx.objectStore('templates').getAll(),
      key: await readTemplateKey(tx.objectStore('keys')),
    }),
  );

  const byPerson = new Map(templates.map((t) => [t.personId, t]));
  const content: BackupContent = { exportedAt: new Date().toISOString(), people: [] };
  // In order of enrolment, so that a backup reads the same however the ids fell.
  const records = people.map(parsePersonRecord).sort(byEnrolment);
  for (const person of records) {
    const template = byPerson.get(person.id);
    if (template === undefined || key === undefined) {
      throw new StoreError('corrupt', `${person.id} has no readable template`);
    }
    const embeddings = await decryptTemplate(key.key, parseTemplateRecord(template));
    content.people.push({
      name: person.name,
      createdAt: person.createdAt,
      modelId: person.modelId,
      embeddings: embeddings.map((e) => Array.from(e)),
    });
  }
  return sealBackup(JSON.stringify(content), passphrase);
}

function byEnrolment(a: { createdAt: string; name: string }, b: typeof a): number {
  return a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name);
}

const runningModelSchema = z.object({
  modelId: modelIdSchema,
  embeddingSize: z.number().int().min(embeddingLimits.minSize).max(embeddingLimits.maxSize),
});

/**
 * Adds everyone in a backup file, their templates re-encrypted under this browser's key.
 * All are added in one transaction, or none: a refused or failed import leaves the
 * store as it was.
 *
 * @throws StoreError `backup-invalid` (not a backup, too large, malformed, names
 * repeated), `backup-passphrase` (wrong passphrase or altered file), `backup-model`
 * (made with another model), `duplicate-name` naming someone already enrolled here,
 * `quota`.
 */
export async function importBackup(
  connection: Connection,
  text: string,
  passphrase: string,
  running: RunningModel,
): Promise<Person[]> {
  const model = parseInput(runningModelSchema, running);

  // Envelope: size first, so nothing large is parsed.
  if (typeof text !== 'string' || text.length > backupLimits.maxTextLength) {
    throw new StoreError('backup-invalid', 'the backup is not text or is over 20 MB');
  }
  const envelope = parse(envelopeSchema, parseJson(text), 'the backup envelope');

  // Content: decrypted, then checked field by field before anything is written.
  const content = parse(
    backupContentSchema,
    parseJson(await openBackup(envelope, passphrase)),
    'the backup content',
  );
  checkModel(content.people, model);
  checkNamesUnique(content.people);

  const enrolments = content.people.map(prepareImported);
  await insertEnrolments(connection, enrolments);
  return enrolments.map((e) => toPerson(e.person));
}

/** One person of a backup, ready to write; what the store refuses makes the file invalid. */
function prepareImported(p: BackupPerson) {
  try {
    return prepareEnrolment(
      {
        name: p.name,
        modelId: p.modelId,
        embeddings: p.embeddings.map((e) => Float32Array.from(e)),
      },
      new Date(p.createdAt),
    );
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'invalid-input') throw error;
    throw new StoreError('backup-invalid', `"${p.name}": ${error.message}`, { cause: error });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreError('backup-invalid', 'the backup is not JSON', { cause: error });
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('backup-invalid', `${what}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Every person must come from the model that runs here, with its embedding size. */
function checkModel(people: readonly BackupPerson[], model: RunningModel): void {
  for (const person of people) {
    if (person.modelId !== model.modelId) {
      throw new StoreError(
        'backup-model',
        `"${person.name}" was enrolled with ${person.modelId}, not ${model.modelId}`,
      );
    }
    if (person.embeddings.some((e) => e.length !== model.embeddingSize)) {
      throw new StoreError(
        'backup-invalid',
        `"${person.name}" has embeddings whose length is not ${model.embeddingSize}`,
      );
    }
  }
}

function checkNamesUnique(people: readonly BackupPerson[]): void {
  const seen = new Set<string>();
  for (const { name } of people) {
    const key = nameKey(name);
    if (seen.has(key)) throw new StoreError('backup-invalid', `"${name}" appears twice`);
    seen.add(key);
  }
}

// Backup files imported on the Manage screen, each a good backup with one thing changed.
import { enrolled, sparse, type BackupCase, type Recipe } from './cases';
import {
  backupPassphrase,
  contentText,
  editedEnvelope,
  flipBase64Bit,
  goodPerson,
  runningModel,
  sealed,
  unitEmbedding,
} from './backups';

const notBackup = /not a Facegate backup, or it is damaged\. Nothing was imported/;
const wrongPassphrase = /passphrase does not open this backup.*Nothing was imported/;

function backup(
  name: string,
  bytes: Recipe | (() => Promise<string>),
  expect: RegExp,
  passphrase?: string,
): BackupCase {
  const recipe: Recipe = async (dir) => {
    const made = await bytes(dir);
    return typeof made === 'string' ? { buffer: Buffer.from(made, 'utf8') } : made;
  };
  return { entry: 'backup import', name, bytes: recipe, expect, ...(passphrase && { passphrase }) };
}

const person = (change: Record<string, unknown>) => ({ ...goodPerson('Backup Case'), ...change });
const sealedPeople = (people: Record<string, unknown>[]) => () => sealed(contentText(people));
/** A person whose first embedding starts with 0.5, for a case to overwrite as text. */
const marked = person({ embeddings: [[0.5, ...unitEmbedding(1).slice(1)]] });
const kdf = (e: Record<string, unknown>) => e.kdf as Record<string, unknown>;

export const backupCases: BackupCase[] = [
  backup('an empty file', async () => '', notBackup),
  backup('plain text', async () => 'my passwords, not a backup', notBackup),
  backup(
    'JSON cut off',
    async () => '{"format": "facegate-backup", "version": 1, "kdf": {',
    notBackup,
  ),
  backup('a JSON array', async () => '[1, 2, 3]', notBackup),
  backup('JSON null', async () => 'null', notBackup),
  backup(
    'JSON nested 100,000 deep',
    async () => '['.repeat(100_000) + ']'.repeat(100_000),
    notBackup,
  ),
  backup('another format', () => editedEnvelope((e) => (e.format = 'other-backup')), notBackup),
  backup('a later version', () => editedEnvelope((e) => (e.version = 2)), notBackup),
  backup('an extra envelope field', () => editedEnvelope((e) => (e.comment = 'hi')), notBackup),
  backup(
    'a __proto__ key',
    async () =>
      (await editedEnvelope(() => undefined)).replace('{', '{"__proto__":{"admin":true},'),
    notBackup,
  ),
  backup(
    '1,000 key-derivation iterations',
    () => editedEnvelope((e) => (kdf(e).iterations = 1000)),
    notBackup,
  ),
  backup(
    'a billion key-derivation iterations',
    () => editedEnvelope((e) => (kdf(e).iterations = 1e9)),
    notBackup,
  ),
  backup(
    'iterations written as text',
    () => editedEnvelope((e) => (kdf(e).iterations = String(kdf(e).iterations))),
    notBackup,
  ),
  backup('an 8-byte salt', () => editedEnvelope((e) => (kdf(e).salt = 'AAAAAAAAAAA=')), notBackup),
  backup(
    'a ciphertext that is not base64',
    () => editedEnvelope((e) => (e.ciphertext = '!!!!')),
    notBackup,
  ),
  backup(
    'one bit of the ciphertext flipped',
    () => editedEnvelope((e) => (e.ciphertext = flipBase64Bit(e.ciphertext as string))),
    wrongPassphrase,
  ),
  backup(
    'the wrong passphrase',
    sealedPeople([goodPerson('Wrong Passphrase')]),
    wrongPassphrase,
    'not the passphrase',
  ),
  backup(
    'NaN in an embedding',
    async () => sealed(contentText([marked]).replace('[[0.5,', '[[NaN,')),
    notBackup,
  ),
  backup(
    'an infinite number (1e999) in an embedding',
    async () => sealed(contentText([marked]).replace('[[0.5,', '[[1e999,')),
    notBackup,
  ),
  backup(
    'a number beyond float32 (1e39)',
    sealedPeople([person({ embeddings: [[1e39, ...unitEmbedding(1).slice(1)]] })]),
    notBackup,
  ),
  backup(
    `embeddings of ${runningModel.embeddingSize - 1} values`,
    sealedPeople([person({ embeddings: [unitEmbedding(1, runningModel.embeddingSize - 1)] })]),
    notBackup,
  ),
  backup(
    'embeddings of different lengths',
    sealedPeople([person({ embeddings: [unitEmbedding(1), unitEmbedding(2, 64)] })]),
    notBackup,
  ),
  backup(
    '51 embeddings',
    sealedPeople([
      person({ embeddings: Array.from({ length: 51 }, (_, i) => unitEmbedding(i + 1)) }),
    ]),
    notBackup,
  ),
  backup(
    'another model’s templates',
    sealedPeople([person({ modelId: 'facenet-512', embeddings: [unitEmbedding(1, 512)] })]),
    /made with a different face model.*Nothing was imported/,
  ),
  backup(
    'an all-zero embedding',
    sealedPeople([person({ embeddings: [Array(runningModel.embeddingSize).fill(0)] })]),
    notBackup,
  ),
  backup(
    'embeddings that cancel out',
    sealedPeople([person({ embeddings: [unitEmbedding(3), unitEmbedding(3).map((x) => -x)] })]),
    notBackup,
  ),
  backup(
    'a name with a right-to-left override',
    sealedPeople([person({ name: 'Ana\u202e' })]),
    notBackup,
  ),
  backup(
    'one name twice',
    sealedPeople([goodPerson('Twice'), { ...goodPerson('twice'), embeddings: [unitEmbedding(5)] }]),
    notBackup,
  ),
  backup(
    'a date that is not a date',
    sealedPeople([person({ createdAt: 'yesterday' })]),
    notBackup,
  ),
  backup('content that is a list', async () => sealed('[]'), notBackup),
  backup(
    'someone already enrolled here',
    sealedPeople([goodPerson(enrolled.name)]),
    // eslint-disable-next-line security/detect-non-literal-regexp -- a test fixture's name
    new RegExp(`"${enrolled.name}" is already enrolled here\\. Nothing was saved`),
  ),
  backup(
    'a 21 MB file',
    sparse('huge-backup.json', Buffer.from('{"format":"facegate-backup"'), 21 * 1024 * 1024),
    /too large to be a Facegate backup\. Nothing was imported/,
  ),
];

/** The good backup every bad one was made from: imported last, it must succeed. */
export const controlBackup = {
  bytes: async () => Buffer.from(await sealed(contentText([goodPerson()])), 'utf8'),
  passphrase: backupPassphrase,
  expect: /Imported 1 person/,
};

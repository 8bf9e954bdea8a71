import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';

export const databaseName = 'facegate';

/** A person as stored: the public fields plus the key that makes names unique. */
export interface PersonRecord {
  id: string;
  name: string;
  /** The name folded for comparison; a unique index on it refuses duplicates. */
  nameKey: string;
  createdAt: string;
  modelId: string;
  embeddingCount: number;
}

/** A template as stored: the embeddings only ever appear encrypted. */
export interface TemplateRecord {
  personId: string;
  modelId: string;
  embeddingSize: number;
  count: number;
  /** AES-GCM nonce, 12 random bytes, fresh for every write. */
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

export interface AttemptRecord {
  /** Given by the store on insertion. */
  id?: number;
  time: string;
  personId: string | null;
  kind: string;
  result: string;
  similarity: number | null;
}

/** The template key. Non-extractable: script can use it but never read its bytes. */
export interface KeyRecord {
  id: string;
  /** Changes whenever a new key is made, so a write can tell its key was replaced. */
  keyId: string;
  key: CryptoKey;
  createdAt: string;
}

export interface FacegateDB extends DBSchema {
  people: { key: string; value: PersonRecord; indexes: { 'by-name-key': string } };
  templates: { key: string; value: TemplateRecord; indexes: { 'by-model': string } };
  attempts: { key: number; value: AttemptRecord; indexes: { 'by-person': string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: KeyRecord };
}

export type FacegateDatabase = IDBPDatabase<FacegateDB>;
type UpgradeTransaction = IDBPTransaction<FacegateDB, StoreNames<FacegateDB>[], 'versionchange'>;

/** One step of the schema: turns version `index` into version `index + 1`. */
type Migration = (db: FacegateDatabase, tx: UpgradeTransaction) => void;

/**
 * The schema as the list of steps that build it. A new version appends a step; a
 * published step is never edited, because browsers out there already ran it.
 */
export const migrations: readonly Migration[] = [
  // 0 → 1: the first schema.
  (db) => {
    const people = db.createObjectStore('people', { keyPath: 'id' });
    people.createIndex('by-name-key', 'nameKey', { unique: true });
    const templates = db.createObjectStore('templates', { keyPath: 'personId' });
    templates.createIndex('by-model', 'modelId');
    const attempts = db.createObjectStore('attempts', { keyPath: 'id', autoIncrement: true });
    // Attempts with no person (personId null) are left out of this index, as IndexedDB does.
    attempts.createIndex('by-person', 'personId');
    db.createObjectStore('settings');
    db.createObjectStore('keys', { keyPath: 'id' });
  },
];

export const databaseVersion = migrations.length;

/** Runs every step from the stored version up to `newVersion`, inside the upgrade. */
export function migrate(
  db: FacegateDatabase,
  oldVersion: number,
  newVersion: number | null,
  tx: UpgradeTransaction,
): void {
  for (let version = oldVersion; version < (newVersion ?? databaseVersion); version++) {
    const step = migrations[version];
    if (step === undefined) throw new Error(`no migration from schema version ${version}`);
    step(db, tx);
  }
}

import { listAttempts, recordAttempt } from './attempts';
import { exportBackup, importBackup } from './backup';
import { openConnection } from './connection';
import { addPerson, deletePerson, eraseAll, getPerson, listPeople } from './people';
import { getSettings, updateSettings } from './settings';
import { getAllTemplates, getTemplate, replaceTemplate } from './templates';
import type {
  Attempt,
  NewAttempt,
  NewPerson,
  Person,
  RunningModel,
  Settings,
  StoredTemplate,
} from './types';

/**
 * Everything Facegate keeps in this browser. Every method rejects with a `StoreError`;
 * a write that fails has changed nothing. Once the connection closes (another tab
 * upgraded the database, the browser cleared it, or `close()`), every call rejects
 * with code `closed`.
 */
export interface FacegateStore {
  /** Everyone enrolled here, by name. */
  listPeople(): Promise<Person[]>;
  /** @throws StoreError `not-found`. */
  getPerson(id: string): Promise<Person>;
  /** Enrols a person with their template, in one write. @throws `duplicate-name`, `invalid-input`, `quota`. */
  addPerson(input: NewPerson): Promise<Person>;
  /** Re-enrols: replaces a person's template. @throws `not-found`, `invalid-input`, `quota`. */
  replaceTemplate(
    personId: string,
    modelId: string,
    embeddings: readonly Float32Array[],
  ): Promise<void>;
  /** A person's template, decrypted. @throws `not-found`, `corrupt`. */
  getTemplate(personId: string): Promise<StoredTemplate>;
  /** Every template of `modelId`, decrypted, for identification. @throws `corrupt`. */
  getAllTemplates(modelId: string): Promise<StoredTemplate[]>;
  /** Removes a person, their template and their attempts. @throws `not-found`. */
  deletePerson(id: string): Promise<void>;
  /** Empties every store, the template key included. */
  eraseAll(): Promise<void>;
  /** Adds an attempt to the audit list. @throws `invalid-input`, `not-found`. */
  recordAttempt(attempt: NewAttempt): Promise<Attempt>;
  /** Attempts, newest first, optionally those naming one person. */
  listAttempts(filter?: { personId?: string }): Promise<Attempt[]>;
  /** The settings, defaults for those never chosen. */
  getSettings(): Promise<Settings>;
  /** Changes some settings; null clears one to its default. @throws `invalid-input`. */
  updateSettings(change: Partial<Settings>): Promise<Settings>;
  /** Everyone and their templates, encrypted under `passphrase`, as backup file text. */
  exportBackup(passphrase: string): Promise<string>;
  /** Adds everyone in a backup, all or none. @throws `backup-*`, `duplicate-name`. */
  importBackup(text: string, passphrase: string, running: RunningModel): Promise<Person[]>;
  /** Closes the connection; later calls reject with `closed`. */
  close(): void;
}

/**
 * Opens the store, creating or upgrading the database as needed.
 *
 * @throws StoreError `unavailable` when the browser offers no IndexedDB or will not open
 * it (private browsing in some browsers, storage disabled).
 */
export async function openFacegateStore(): Promise<FacegateStore> {
  const c = await openConnection();
  return {
    listPeople: () => listPeople(c),
    getPerson: (id) => getPerson(c, id),
    addPerson: (input) => addPerson(c, input),
    replaceTemplate: (personId, modelId, embeddings) =>
      replaceTemplate(c, personId, modelId, embeddings),
    getTemplate: (personId) => getTemplate(c, personId),
    getAllTemplates: (modelId) => getAllTemplates(c, modelId),
    deletePerson: (id) => deletePerson(c, id),
    eraseAll: () => eraseAll(c),
    recordAttempt: (attempt) => recordAttempt(c, attempt),
    listAttempts: (filter) => listAttempts(c, filter),
    getSettings: () => getSettings(c),
    updateSettings: (change) => updateSettings(c, change),
    exportBackup: (passphrase) => exportBackup(c, passphrase),
    importBackup: (text, passphrase, running) => importBackup(c, text, passphrase, running),
    close: () => c.close(),
  };
}

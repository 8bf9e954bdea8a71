import type { Connection } from './connection';
import { generateTemplateKey } from './crypto';
import { StoreError } from './errors';
import { parseKeyRecord } from './records';
import type { KeyRecord } from './schema';
import { inReadTransaction, inWriteTransaction } from './transaction';

/*
 * What the template key protects against, and what not. It is non-extractable, so
 * script in the page (an injected one included) can use it but never copy it out, and
 * a copy of the stored templates alone is useless. It is kept in the same browser
 * profile as the templates, though: someone who holds the whole profile on disk holds
 * the key too. Losing the profile (site data cleared) loses the key and so every
 * template; a backup is the only way to move them.
 */

/** The one record of the `keys` store. */
export const templateKeyId = 'templates';

/** The `keys` store of any transaction that includes it. */
interface KeysStore {
  get(id: string): Promise<KeyRecord | undefined>;
}

/** The stored template key, or undefined when none has been made (or all was erased). */
export async function readTemplateKey(keys: KeysStore): Promise<KeyRecord | undefined> {
  const record = await keys.get(templateKeyId);
  return record === undefined ? undefined : parseKeyRecord(record);
}

/**
 * The key templates are encrypted under, made and stored on first use. When two tabs
 * make one at once, the first stored wins and both use it.
 */
async function templateKey(connection: Connection): Promise<KeyRecord> {
  const stored = await inReadTransaction(connection, ['keys'], (tx) =>
    readTemplateKey(tx.objectStore('keys')),
  );
  if (stored !== undefined) return stored;

  // The key is made outside any transaction: WebCrypto's promise would end one.
  const fresh: KeyRecord = {
    id: templateKeyId,
    keyId: crypto.randomUUID(),
    key: await generateTemplateKey(),
    createdAt: new Date().toISOString(),
  };
  return inWriteTransaction(connection, ['keys'], async (tx) => {
    const keys = tx.objectStore('keys');
    const raced = await readTemplateKey(keys);
    if (raced !== undefined) return raced;
    await keys.add(fresh);
    return fresh;
  });
}

/** The key a write encrypted under was erased or replaced before the write began. */
class StaleKeyError extends StoreError {
  constructor() {
    super('unavailable', 'the template key changed while saving; try again');
  }
}

/**
 * Checks, inside the write transaction, that `keyId` is still the stored key. Encryption
 * has to happen before the transaction, so an `eraseAll` in between would otherwise
 * leave templates that nothing can decrypt.
 */
export async function assertKeyCurrent(keys: KeysStore, keyId: string): Promise<void> {
  const current = await readTemplateKey(keys);
  if (current?.keyId !== keyId) throw new StaleKeyError();
}

/**
 * Runs `write` with the current template key, and once more with the new one if the
 * key was replaced meanwhile (see `assertKeyCurrent`).
 */
export async function withTemplateKey<T>(
  connection: Connection,
  write: (key: KeyRecord) => Promise<T>,
): Promise<T> {
  try {
    return await write(await templateKey(connection));
  } catch (error) {
    if (!(error instanceof StaleKeyError)) throw error;
    return write(await templateKey(connection));
  }
}

import { openDB } from 'idb';
import { StoreError } from './errors';
import { databaseName, databaseVersion, migrate, type FacegateDatabase } from './schema';

/** The open database, and whether it can still be used. */
export interface Connection {
  readonly db: FacegateDatabase;
  /** @throws StoreError `closed` once the connection has been closed, for any reason. */
  assertOpen(): void;
  close(): void;
}

/**
 * Opens (creating or upgrading) the Facegate database.
 *
 * The connection marks itself unusable when the browser closes it (storage cleared, disk
 * gone) or another tab asks for a newer schema: that tab's upgrade must not wait on this
 * one, so this one closes and every later call fails as `closed` until the page reloads.
 *
 * @throws StoreError `unavailable` when IndexedDB is missing or refuses to open (private
 * browsing, storage disabled, a database left by a newer Facegate).
 */
export async function openConnection(): Promise<Connection> {
  if (typeof indexedDB === 'undefined') {
    throw new StoreError('unavailable', 'IndexedDB is not available in this browser');
  }

  let closedBecause: string | null = null;
  let db: FacegateDatabase;
  try {
    db = await openDB(databaseName, databaseVersion, {
      upgrade: migrate,
      blocking: (_current, _blocked, event) => {
        closedBecause = 'another tab is upgrading the database';
        (event.target as IDBDatabase).close();
      },
      terminated: () => {
        closedBecause = 'the browser closed the database';
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new StoreError('unavailable', `could not open the database: ${message}`, {
      cause: error,
    });
  }

  return {
    db,
    assertOpen() {
      if (closedBecause !== null) throw new StoreError('closed', closedBecause);
    },
    close() {
      closedBecause ??= 'the store was closed';
      db.close();
    },
  };
}

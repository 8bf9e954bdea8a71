import type { IDBPTransaction, StoreNames } from 'idb';
import { toStoreError } from './errors';
import type { Connection } from './connection';
import type { FacegateDB } from './schema';

type Names = StoreNames<FacegateDB>[];

/**
 * Runs `work` in one read-write transaction over `stores`, and resolves once the
 * transaction has committed.
 *
 * On any failure the transaction is aborted before the promise rejects, so what was
 * stored is exactly what it was before. IndexedDB aborts by itself only when a request
 * fails; an exception thrown by `work` (a validation, a failed put call) would otherwise
 * let the requests made so far commit.
 *
 * `work` must only await IndexedDB requests of `tx`: awaiting anything else (WebCrypto,
 * a timer) lets the transaction commit early, so encrypt before calling this.
 *
 * @throws StoreError whatever `work` throws, or the transaction's failure mapped to a
 * code (`quota` when the browser refused the space, `closed` when the connection is gone).
 */
export async function inWriteTransaction<S extends Names, T>(
  connection: Connection,
  stores: S,
  work: (tx: IDBPTransaction<FacegateDB, S, 'readwrite'>) => Promise<T>,
): Promise<T> {
  const tx = begin(connection, stores, 'readwrite');
  // Observed here so an abort never surfaces as an unhandled rejection.
  const done = tx.done.then(
    () => null,
    (error: unknown) => ({ error }),
  );
  try {
    const result = await work(tx);
    const failure = await done;
    if (failure !== null) throw failure.error;
    return result;
  } catch (error) {
    abortQuietly(tx);
    await done;
    throw toStoreError(error);
  }
}

/**
 * Runs `work` in one read-only transaction, so everything it reads is one consistent
 * snapshot. The same rule holds: await only requests of `tx` inside it.
 */
export async function inReadTransaction<S extends Names, T>(
  connection: Connection,
  stores: S,
  work: (tx: IDBPTransaction<FacegateDB, S, 'readonly'>) => Promise<T>,
): Promise<T> {
  const tx = begin(connection, stores, 'readonly');
  const done = tx.done.catch(() => undefined);
  try {
    return await work(tx);
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await done;
  }
}

function begin<S extends Names, M extends IDBTransactionMode>(
  connection: Connection,
  stores: S,
  mode: M,
): IDBPTransaction<FacegateDB, S, M> {
  connection.assertOpen();
  try {
    return connection.db.transaction(stores, mode);
  } catch (error) {
    throw toStoreError(error);
  }
}

/** Aborting a transaction that already finished throws; that one has nothing to undo. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

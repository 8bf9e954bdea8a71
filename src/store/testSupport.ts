/*
 * Helpers for the store's tests (fake-indexeddb in Node). Not part of the app: only
 * test files import this.
 */
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { databaseName, type FacegateDB } from './schema';
import type { NewPerson } from './types';

/** The model the tests enrol with, small so that tests stay fast. */
export const testModel = { modelId: 'test-embedder-v1', embeddingSize: 32 } as const;

/** A new, empty IndexedDB for the next test. */
export function freshIndexedDB(): void {
  globalThis.indexedDB = new IDBFactory();
}

/** `count` embeddings of `size` values, the same every time for the same `seed`. */
export function makeEmbeddings(count: number, size: number, seed = 1): Float32Array[] {
  // xorshift32: deterministic, and every value a finite number in [-0.5, 0.5).
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: size }, next));
}

/** An enrolment for `name` with the test model. */
export function newPerson(name: string, seed = 1, count = 3): NewPerson {
  return {
    name,
    modelId: testModel.modelId,
    embeddings: makeEmbeddings(count, testModel.embeddingSize, seed),
  };
}

const storeNames = ['people', 'templates', 'attempts', 'settings', 'keys'] as const;
export type StoreName = (typeof storeNames)[number];

/**
 * Every record of every store, read over a second connection, with the key shown by its
 * keyId (a CryptoKey has no contents to compare). Two dumps are equal when nothing
 * stored changed.
 */
export async function dumpDatabase(): Promise<Record<StoreName, unknown[]>> {
  const db = await openDB<FacegateDB>(databaseName);
  try {
    const tx = db.transaction([...storeNames], 'readonly');
    const dump = {} as Record<StoreName, unknown[]>;
    for (const name of storeNames) {
      const records: unknown[] = await tx.objectStore(name).getAll();
      dump[name] =
        name === 'keys' ? records.map((r) => ({ ...(r as object), key: 'key' })) : records;
    }
    await tx.done;
    return dump;
  } finally {
    db.close();
  }
}

/**
 * Records every connection opened from now on, so a test can act on the store's own
 * connection (close it as the browser would).
 */
export function captureConnections(): IDBDatabase[] {
  const connections: IDBDatabase[] = [];
  const factory = globalThis.indexedDB;
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    const request = open(name, version);
    request.addEventListener('success', () => connections.push(request.result));
    return request;
  };
  return connections;
}

/** True when some `run`-byte stretch of `needle` appears in `haystack`. */
export function sharesRun(haystack: Uint8Array, needle: Uint8Array, run: number): boolean {
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const windows = new Set<string>();
  for (let i = 0; i + run <= haystack.length; i++) windows.add(hex(haystack.subarray(i, i + run)));
  for (let i = 0; i + run <= needle.length; i++) {
    if (windows.has(hex(needle.subarray(i, i + run)))) return true;
  }
  return false;
}

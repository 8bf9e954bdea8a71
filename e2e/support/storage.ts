// Reads what the app left in the browser's storage, for the privacy checks.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

interface CachedFile {
  url: string;
  sha256: string;
}

export interface StorageDump {
  stores: Record<string, number>;
  blobs: number[][];
  texts: string[];
  /** Cache Storage, by hash: it holds the installed app, tens of megabytes of it. */
  cached: CachedFile[];
}

/** Every IndexedDB record and localStorage item as bytes and text; Cache Storage hashed. */
export async function storageDump(page: Page): Promise<StorageDump> {
  return page.evaluate(async () => {
    const stores: Record<string, number> = {};
    const blobs: number[][] = [];
    const texts: string[] = [];
    const cached: { url: string; sha256: string }[] = [];
    const walk = (value: unknown): void => {
      if (value instanceof ArrayBuffer) blobs.push(Array.from(new Uint8Array(value)));
      else if (ArrayBuffer.isView(value)) {
        blobs.push(Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
      } else if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        stores[`${name}/${storeName}`] = all.length;
        all.forEach(walk);
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (!response) continue;
        const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
        const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0'));
        cached.push({ url: request.url, sha256: hex.join('') });
      }
    }
    for (let i = 0; i < localStorage.length; i++) {
      texts.push(localStorage.getItem(localStorage.key(i)!) ?? '');
    }
    return { stores, blobs, texts, cached };
  });
}

const imageSignatures: [string, number[]][] = [
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['WebP', [0x57, 0x45, 0x42, 0x50]],
];

/** Image signatures found anywhere in the bytes or texts (base64 and data URLs too). */
export function imageTraces(dump: { blobs: number[][]; texts: string[] }): string[] {
  const found: string[] = [];
  for (const bytes of dump.blobs) {
    for (const [name, sig] of imageSignatures) {
      for (let i = 0; i + sig.length <= bytes.length; i++) {
        if (sig.every((b, k) => bytes[i + k] === b)) found.push(`${name} bytes`);
      }
    }
    // A raw pixel buffer of even a small face crop (64×64 RGBA) is 16 KiB or more.
    if (bytes.length >= 16 * 1024) found.push(`a ${bytes.length}-byte buffer`);
  }
  for (const text of dump.texts) {
    if (/data:image\/|\/9j\/|iVBORw0KGgo|R0lGOD|UklGR/.test(text)) found.push('an image in text');
  }
  return found;
}

/** What the person's use of the app wrote, without the installed app's own files. */
export const userData = ({ stores, blobs, texts }: StorageDump) => ({ stores, blobs, texts });

/**
 * Cache entries that are not a file of the build, byte for byte, from the page's own
 * origin. The service worker may keep the app for offline use, and nothing else: a
 * captured frame or anything fetched from elsewhere would show here.
 */
export async function foreignCacheEntries(
  dump: StorageDump,
  origin: string,
  builtDir: string,
): Promise<string[]> {
  const foreign: string[] = [];
  for (const { url, sha256 } of dump.cached) {
    const parsed = new URL(url);
    if (parsed.origin !== origin) {
      foreign.push(`${url} (another origin)`);
      continue;
    }
    const file = await readFile(join(builtDir, decodeURIComponent(parsed.pathname))).catch(
      () => undefined,
    );
    if (!file) foreign.push(`${url} (no such file in the build)`);
    else if (createHash('sha256').update(file).digest('hex') !== sha256) {
      foreign.push(`${url} (differs from the built file)`);
    }
  }
  return foreign;
}

// Reads what the app left in the browser's storage, for the privacy checks.
import type { Page } from '@playwright/test';

/** Every IndexedDB record, Cache Storage entry and localStorage item, as bytes and text. */
export async function storageDump(page: Page): Promise<{
  stores: Record<string, number>;
  blobs: number[][];
  texts: string[];
}> {
  return page.evaluate(async () => {
    const stores: Record<string, number> = {};
    const blobs: number[][] = [];
    const texts: string[] = [];
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
        if (response) blobs.push(Array.from(new Uint8Array(await response.arrayBuffer())));
      }
    }
    for (let i = 0; i < localStorage.length; i++) {
      texts.push(localStorage.getItem(localStorage.key(i)!) ?? '');
    }
    return { stores, blobs, texts };
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

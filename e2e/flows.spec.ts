// Enrol, verify and identify on real faces, through the app's own screens, with a fake
// camera showing LFW photos. The steps share one browser profile, in order.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateAad } from '../src/store/crypto';
import { expect, test } from './fixtures';
import { servedDir } from './support/served';
import { foreignCacheEntries, imageTraces, storageDump, userData } from './support/storage';
import {
  agreeIfAsked,
  enrolWithCamera,
  identifyWithCamera,
  newProfile,
  openScreen,
  verifyWithCamera,
  withCamera,
} from './support/appSession';
import { POSED, challengeClip } from './support/challengeClips';

// Person A (an enrolment photo, and other photos facing the camera and turned each way
// for the liveness challenge), an impostor B, and C, never enrolled.
const A = POSED.name;
const A_ENROL = POSED.enrol;
const A_VERIFY = POSED.poses.straight;
// Verification asks for head turns: A's photos doing them, in the tests' challenge order.
const A_CHALLENGE = { clip: await challengeClip(POSED.poses) };
const B = 'Hans_Blix/Hans_Blix_0014.jpg';
const C = 'Zhu_Rongji/Zhu_Rongji_0008.jpg';

test.describe.configure({ mode: 'serial', timeout: 5 * 60_000 });

test.describe('enrol, verify and identify with the camera', () => {
  const profile = newProfile();

  test('1. enrol A from a clip of one photo of A', async ({ baseURL, lfwDir }) => {
    expect(lfwDir).toBeTruthy();
    await withCamera(profile, baseURL!, [A_ENROL], async ({ page }) => {
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);
    });
  });

  test('2. verify A with other photos of A following the challenge: accepted', async ({
    baseURL,
  }) => {
    await withCamera(profile, baseURL!, A_CHALLENGE, async ({ page }) => {
      expect(await verifyWithCamera(page, A)).toBe('accepted');
      await expect(page.getByTestId('verify-result')).toContainText(`Accepted: this is ${A}`);
    });
  });

  test('3. verify A with person B: rejected', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [B], async ({ page }) => {
      expect(await verifyWithCamera(page, A)).toBe('rejected');
      await expect(page.getByTestId('verify-result')).toContainText(`Rejected: this is not ${A}`);
    });
  });

  test('4. identify finds A, and says unknown for someone never enrolled', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [A_VERIFY], async ({ page }) => {
      expect(await identifyWithCamera(page)).toContain(`This is ${A}`);
    });
    await withCamera(profile, baseURL!, [C], async ({ page }) => {
      expect(await identifyWithCamera(page)).toContain('Unknown person');
    });
  });

  test('5. after a reload A is still enrolled', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [A_VERIFY], async ({ page }) => {
      await page.reload();
      await expect(page.getByTestId('engine-status')).toContainText('Ready');
      await openScreen(page, 'Manage');
      await expect(page.getByRole('rowheader', { name: A })).toBeVisible();
    });
  });

  test('privacy: storage holds no image, and templates only encrypted', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [A_VERIFY], async ({ page }) => {
      const dump = await storageDump(page);
      expect(dump.stores['facegate/templates']).toBe(1);
      expect(imageTraces(dump)).toEqual([]);
      expect(await foreignCacheEntries(dump, new URL(baseURL!).origin, servedDir)).toEqual([]);

      // Decrypt the template with the browser's own key: the plain embeddings are real
      // unit vectors, and none of their bytes shows in what is stored.
      const record = await page.evaluate(readTemplateRecord);
      const aad = Array.from(templateAad(record));
      const plain = await page.evaluate(decryptRecord, { aad });
      const floats = new Float32Array(new Uint8Array(plain).buffer);
      const first = floats.subarray(0, record.embeddingSize);
      expect(Math.hypot(...first)).toBeCloseTo(1, 3);
      const stored = Buffer.from(record.ciphertext);
      expect(stored.equals(Buffer.from(plain))).toBe(false);
      for (let i = 0; i + 16 <= plain.length; i += 16) {
        expect(stored.includes(Buffer.from(plain.slice(i, i + 16)))).toBe(false);
      }
    });
  });

  test('6. five impostor attempts lock A out, still locked after a reload', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [B], async ({ page }) => {
      // Step 3 made the first failure.
      for (let i = 0; i < 4; i++) expect(await verifyWithCamera(page, A)).toBe('rejected');
      await verifyWithCamera(page, A);
      await expect(page.getByTestId('verify-result')).toContainText('Too many failed attempts');
      await page.reload();
      await expect(page.getByTestId('engine-status')).toContainText('Ready');
      await verifyWithCamera(page, A);
      await expect(page.getByTestId('verify-result')).toContainText('Too many failed attempts');
    });
  });

  test('7. export, erase everything, import: A verifies again', async ({ baseURL }) => {
    const passphrase = 'correct horse battery';
    const backupPath = join(tmpdir(), `facegate-backup-${Date.now()}.json`);
    await withCamera(profile, baseURL!, A_CHALLENGE, async ({ page }) => {
      await openScreen(page, 'Manage');
      await page.getByLabel(/Passphrase/).fill(passphrase);
      await page.getByRole('button', { name: 'Export an encrypted backup' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Save facegate-backup.json' }).click();
      await (await download).saveAs(backupPath);
      const backup = JSON.parse(await readFile(backupPath, 'utf8'));
      expect(backup.format).toBe('facegate-backup');
      expect(JSON.stringify(backup)).not.toContain(A);

      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Erase everything' }).click();
      await expect(page.getByRole('button', { name: 'I understand and agree' })).toBeVisible();
      const erased = await storageDump(page);
      expect(
        Object.values(erased.stores).every((n) => n === 0),
        JSON.stringify(erased.stores),
      ).toBe(true);
      // Consent was erased with the rest: the first-run screen asks again.
      await agreeIfAsked(page);
      await openScreen(page, 'Manage');
      await expect(page.getByText('Nobody is enrolled here.')).toBeVisible();

      await page.getByLabel(/Passphrase/).fill(passphrase);
      await page.getByLabel('Backup file to import').setInputFiles(backupPath);
      await page.getByRole('button', { name: 'Import the backup' }).click();
      await expect(page.getByTestId('manage-message')).toContainText('Imported 1 person');
      expect(await verifyWithCamera(page, A)).toBe('accepted');
    });
  });

  test('8. bad files get a clear message and change nothing', async ({ baseURL, lfwDir }) => {
    const jpeg = await readFile(join(lfwDir, 'images', A_ENROL));
    const files = [
      { name: 'corrupt.jpg', buffer: Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(4000, 7)]) },
      { name: 'empty.jpg', buffer: Buffer.alloc(0) },
      { name: 'notes.jpg', buffer: Buffer.from('these are my notes, not a photo\n') },
    ];
    await withCamera(profile, baseURL!, [A_VERIFY], async ({ page }) => {
      await agreeIfAsked(page);
      const before = JSON.stringify(userData(await storageDump(page)));
      await openScreen(page, 'Enrol');
      await page.getByLabel('Name or ID').fill('Somebody');
      await page.getByRole('button', { name: 'Next: capture the face' }).click();
      for (const file of files) {
        await page
          .getByLabel('Or use a photo or video file')
          .setInputFiles({ ...file, mimeType: 'image/jpeg' });
        await expect(page.getByTestId('file-error'), file.name).toContainText(
          /empty|damaged|not a photo/,
        );
      }
      expect(JSON.stringify(userData(await storageDump(page)))).toEqual(before);
    });
  });
});

interface PlainRecord {
  personId: string;
  modelId: string;
  embeddingSize: number;
  count: number;
  ciphertext: number[];
}

/** In the page: the one stored template record, bytes as arrays. */
async function readTemplateRecord(): Promise<PlainRecord> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('facegate');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const [record] = await new Promise<
    {
      personId: string;
      modelId: string;
      embeddingSize: number;
      count: number;
      ciphertext: Uint8Array;
    }[]
  >((resolve) => {
    const r = db.transaction('templates').objectStore('templates').getAll();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  const { personId, modelId, embeddingSize, count, ciphertext } = record!;
  return { personId, modelId, embeddingSize, count, ciphertext: Array.from(ciphertext) };
}

/** In the page: decrypts that record with the stored, non-extractable key. */
async function decryptRecord({ aad }: { aad: number[] }): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('facegate');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const get = <T>(store: string) =>
    new Promise<T[]>((resolve) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as T[]);
    });
  const [keyRecord] = await get<{ key: CryptoKey }>('keys');
  const [record] = await get<{ iv: Uint8Array<ArrayBuffer>; ciphertext: Uint8Array<ArrayBuffer> }>(
    'templates',
  );
  db.close();
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: record!.iv, additionalData: new Uint8Array(aad) },
    keyRecord!.key,
    record!.ciphertext,
  );
  return Array.from(new Uint8Array(plain));
}

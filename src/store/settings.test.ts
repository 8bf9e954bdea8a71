import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseName } from './schema';
import { hashOperatorPin, operatorPinIterations } from './pinHash';
import { defaultSettings } from './settings';
import { openFacegateStore, type FacegateStore } from './store';
import { dumpDatabase, freshIndexedDB } from './testSupport';

let store: FacegateStore;

beforeEach(async () => {
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => store.close());

describe('settings', () => {
  it('starts at the defaults', async () => {
    expect(await store.getSettings()).toEqual(defaultSettings);
  });

  it('changes only what is named, and null clears back to the default', async () => {
    const at = '2025-03-01T10:00:00.000Z';
    await store.updateSettings({ consent: { given: true, at }, cameraId: 'cam-1' });
    expect(await store.updateSettings({ securityLevel: '0.0001' })).toEqual({
      ...defaultSettings,
      consent: { given: true, at },
      securityLevel: '0.0001',
      cameraId: 'cam-1',
    });
    expect(await store.updateSettings({ consent: null, cameraId: null })).toEqual({
      ...defaultSettings,
      securityLevel: '0.0001',
    });
  });

  it.each([
    ['an unknown security level', { securityLevel: '0.5' }],
    ['consent not given', { consent: { given: false, at: '2025-03-01T10:00:00Z' } }],
    ['consent without a date', { consent: { given: true, at: 'yesterday' } }],
    ['an unknown setting', { theme: 'dark' }],
    ['an unknown detector range', { detectorRange: 'long' }],
    ['a kiosk offering enrolment', { kioskTask: 'enrol' }],
    ['kiosk mode as a string', { kioskActive: 'yes' }],
    ['kiosk mode cleared to null', { kioskActive: null }],
    ['an idle time under 3 s', { kioskIdleSeconds: 2 }],
    ['an idle time over 10 minutes', { kioskIdleSeconds: 601 }],
    ['a fractional idle time', { kioskIdleSeconds: 4.5 }],
    ['a PIN in plain text', { operatorPin: '123456' }],
  ])('refuses %s, changing nothing', async (_, change) => {
    await store.updateSettings({ detectorRange: 'full' });
    const before = await dumpDatabase();
    await expect(
      store.updateSettings({ cameraId: 'cam-2', ...change } as never),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await dumpDatabase()).toEqual(before);
  });
});

describe('kiosk settings', () => {
  it('default to no kiosk, identification, 30 s and no PIN', () => {
    expect(defaultSettings).toMatchObject({
      kioskActive: false,
      kioskTask: 'identify',
      kioskIdleSeconds: 30,
      operatorPin: null,
    });
  });

  it('are kept, and read back the same by another connection (a reload)', async () => {
    await store.updateSettings({ kioskActive: true, kioskTask: 'verify', kioskIdleSeconds: 3 });
    store.close();
    store = await openFacegateStore();
    expect(await store.getSettings()).toMatchObject({
      kioskActive: true,
      kioskTask: 'verify',
      kioskIdleSeconds: 3,
    });
  });

  it('keep a PIN hash as bytes, and null removes it', { timeout: 30_000 }, async () => {
    const operatorPin = await hashOperatorPin('246810');
    await store.updateSettings({ operatorPin });
    const stored = (await store.getSettings()).operatorPin;
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA-256' });
    expect(Array.from(stored!.hash)).toEqual(Array.from(operatorPin.hash));
    expect(Array.from(stored!.salt)).toEqual(Array.from(operatorPin.salt));
    expect((await store.updateSettings({ operatorPin: null })).operatorPin).toBeNull();
    expect((await dumpDatabase()).settings).toEqual([]);
  });

  it.each([
    ['fewer iterations', { iterations: operatorPinIterations - 1 }],
    ['a short salt', { salt: new Uint8Array(8) }],
    ['a short hash', { hash: new Uint8Array(16) }],
    ['another algorithm', { algorithm: 'SHA-256' }],
    ['the PIN beside it', { pin: '246810' }],
  ])('refuse a PIN hash with %s, changing nothing', async (_, change) => {
    const operatorPin = {
      algorithm: 'PBKDF2-SHA-256',
      iterations: operatorPinIterations,
      salt: new Uint8Array(16),
      hash: new Uint8Array(32),
      ...change,
    };
    await expect(store.updateSettings({ operatorPin } as never)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect((await dumpDatabase()).settings).toEqual([]);
  });
});

describe('a stored setting that does not fit', () => {
  it('is reported as corrupt', async () => {
    const db = await openDB(databaseName);
    await db.put('settings', 'extreme', 'securityLevel');
    db.close();
    await expect(store.getSettings()).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('is reported as corrupt for a PIN stored in plain text', async () => {
    const db = await openDB(databaseName);
    await db.put('settings', '246810', 'operatorPin');
    db.close();
    await expect(store.getSettings()).rejects.toMatchObject({ code: 'corrupt' });
  });
});

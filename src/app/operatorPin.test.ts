import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashOperatorPin, openFacegateStore, type FacegateStore } from '../store';
import { dumpDatabase, freshIndexedDB } from '../store/testSupport';
import { checkOperatorPin } from './operatorPin';

const PIN = '246810';
const WRONG = '135790';
const T0 = Date.parse('2025-03-01T10:00:00.000Z');

let store: FacegateStore;

beforeEach(async () => {
  // Only the clock is faked: IndexedDB's own timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  freshIndexedDB();
  store = await openFacegateStore();
});
afterEach(() => {
  store.close();
  vi.useRealTimers();
});

const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

// Every check runs the PIN hash's full iteration count.
describe('checkOperatorPin', { timeout: 60_000 }, () => {
  it('says so when no PIN is set, and records nothing', async () => {
    expect(await checkOperatorPin(store, PIN)).toEqual({ kind: 'no-pin' });
    expect(await store.listAttempts()).toEqual([]);
  });

  it('accepts the PIN, refuses another, and records both without the PIN', async () => {
    await store.updateSettings({ operatorPin: await hashOperatorPin(PIN) });
    expect(await checkOperatorPin(store, WRONG)).toEqual({ kind: 'rejected', triesLeft: 4 });
    expect(await checkOperatorPin(store, PIN)).toEqual({ kind: 'accepted' });

    const attempts = await store.listAttempts();
    expect(attempts.map((a) => [a.kind, a.result])).toEqual([
      ['operator-pin', 'accepted'],
      ['operator-pin', 'rejected'],
    ]);
    expect(JSON.stringify((await dumpDatabase()).attempts)).not.toMatch(/246810|135790/);
  });

  it('locks after five wrong PINs, refuses the right one while locked, also after a reload', async () => {
    await store.updateSettings({ operatorPin: await hashOperatorPin(PIN) });
    for (const triesLeft of [4, 3, 2, 1]) {
      expect(await checkOperatorPin(store, WRONG)).toEqual({ kind: 'rejected', triesLeft });
    }
    expect(await checkOperatorPin(store, WRONG)).toEqual({
      kind: 'locked',
      waitMs: 30_000,
      afterWrongPin: true,
    });

    later(10_000);
    expect(await checkOperatorPin(store, PIN)).toEqual({
      kind: 'locked',
      waitMs: 20_000,
      afterWrongPin: false,
    });
    // A reload is a new connection reading the same records.
    store.close();
    store = await openFacegateStore();
    expect(await checkOperatorPin(store, PIN)).toMatchObject({ kind: 'locked', waitMs: 20_000 });
    // PINs refused unchecked while locked are not counted.
    expect((await store.listAttempts()).length).toBe(5);

    later(20_000);
    expect(await checkOperatorPin(store, PIN)).toEqual({ kind: 'accepted' });
    expect(await checkOperatorPin(store, WRONG)).toEqual({ kind: 'rejected', triesLeft: 4 });
  });

  it('locks for twice as long at each wrong PIN after a lockout', async () => {
    await store.updateSettings({ operatorPin: await hashOperatorPin(PIN) });
    for (let i = 0; i < 5; i++) await checkOperatorPin(store, WRONG);
    later(30_000);
    expect(await checkOperatorPin(store, WRONG)).toMatchObject({ kind: 'locked', waitMs: 60_000 });
    later(60_000);
    expect(await checkOperatorPin(store, WRONG)).toMatchObject({ kind: 'locked', waitMs: 120_000 });
  });
});

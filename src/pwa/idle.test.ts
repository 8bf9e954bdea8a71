import { describe, expect, it } from 'vitest';
import { versionChangeTracker, whenIdle } from './idle';

/** A page whose busy state the test flips, counting reloads. */
function fakePage(busy: boolean) {
  const listeners = new Set<() => void>();
  const page = {
    busy,
    reloads: 0,
    isBusy: () => page.busy,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload: () => void page.reloads++,
    set(next: boolean) {
      page.busy = next;
      for (const listener of [...listeners]) listener();
    },
    listenerCount: () => listeners.size,
  };
  return page;
}

describe('whenIdle', () => {
  it('reloads at once when no capture runs', () => {
    const page = fakePage(false);
    expect(whenIdle(page, page.reload)).toBe(false);
    expect(page.reloads).toBe(1);
    expect(page.listenerCount()).toBe(0);
  });

  it('waits for a running capture to end, then reloads once', () => {
    const page = fakePage(true);
    expect(whenIdle(page, page.reload)).toBe(true);
    expect(page.reloads).toBe(0);

    page.set(true);
    expect(page.reloads).toBe(0);
    page.set(false);
    expect(page.reloads).toBe(1);

    page.set(true);
    page.set(false);
    expect(page.reloads).toBe(1);
    expect(page.listenerCount()).toBe(0);
  });
});

describe('versionChangeTracker', () => {
  it('a page loaded under a service worker: every change of worker is a new version', () => {
    const tracker = versionChangeTracker(true);
    expect([tracker.isNewVersion(), tracker.isNewVersion()]).toEqual([true, true]);
  });

  it('a page loaded without one: the first install’s claim is not, a later version is', () => {
    const tracker = versionChangeTracker(false);
    const changes = [tracker.isNewVersion(), tracker.isNewVersion(), tracker.isNewVersion()];
    expect(changes).toEqual([false, true, true]);
  });

  it('past an active worker (hard reload) or after its own install failed: every claim is new', () => {
    const tracker = versionChangeTracker(false);
    tracker.claimsAreNew();
    expect([tracker.isNewVersion(), tracker.isNewVersion()]).toEqual([true, true]);
  });
});

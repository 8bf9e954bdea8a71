/** What `reloadWhenIdle` needs from the page, passed in so the rule can be tested alone. */
export interface IdleReloadDeps {
  isBusy(): boolean;
  /** Calls `listener` whenever the busy state may have changed; returns the unsubscriber. */
  subscribe(listener: () => void): () => void;
  reload(): void;
}

/**
 * Reloads the page now, or as soon as no capture runs. A new service worker can take
 * control while a person is mid-capture (another tab accepted the update); reloading at
 * once would throw their capture away, so the reload waits for it to end.
 *
 * @returns true when the reload had to wait.
 */
export function reloadWhenIdle(deps: IdleReloadDeps): boolean {
  if (!deps.isBusy()) {
    deps.reload();
    return false;
  }
  let done = false;
  const unsubscribe = deps.subscribe(() => {
    if (done || deps.isBusy()) return;
    done = true;
    unsubscribe();
    deps.reload();
  });
  return true;
}

/**
 * Tells, for each change of the page's service worker, whether it brings a version other
 * than the one the page runs. Only the first claim of a page that loaded without a
 * service worker does not: that worker was installed from the very files the page runs.
 * Workbox's `isUpdate` cannot stand in for this: it only says whether the page was
 * controlled when it registered, so a page claimed by the first install would never
 * reload for a version published later in the same visit.
 */
export function versionChangeTracker(controlledAtLoad: boolean): () => boolean {
  let controlled = controlledAtLoad;
  return () => {
    const changed = controlled;
    controlled = true;
    return changed;
  };
}

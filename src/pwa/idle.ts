/** What `whenIdle` needs from the page, passed in so the rule can be tested alone. */
export interface IdleDeps {
  isBusy(): boolean;
  /** Calls `listener` whenever the busy state may have changed; returns the unsubscriber. */
  subscribe(listener: () => void): () => void;
}

/**
 * Runs `action` now, or once, as soon as nothing is under way. A new version can take
 * control while a person is mid-capture (another tab accepted the update); reloading or
 * switching at once would throw their capture, or the verdict it led to, away, so the
 * action waits until they have moved on.
 *
 * @returns true when the action had to wait.
 */
export function whenIdle(deps: IdleDeps, action: () => void): boolean {
  if (!deps.isBusy()) {
    action();
    return false;
  }
  let done = false;
  const unsubscribe = deps.subscribe(() => {
    if (done || deps.isBusy()) return;
    done = true;
    unsubscribe();
    action();
  });
  return true;
}

export interface VersionChangeTracker {
  /**
   * From now on every change of controller brings another version: a worker was already
   * active while this page loaded uncontrolled (a hard reload), or this page's own
   * install failed, so whatever claims it was installed from other files.
   */
  claimsAreNew(): void;
  /** Called on each change of the page's controller: whether it brings another version. */
  isNewVersion(): boolean;
}

/**
 * Tells which changes of the page's service worker bring a version other than the one
 * the page runs. Only the first claim of a page that loaded while no worker existed, and
 * whose own install did not fail, does not: that worker was installed from the very files
 * the page runs. Where in doubt it says "new": a wrong guess there costs one needless
 * reload, while the opposite would leave old code under a new worker.
 * Workbox's `isUpdate` cannot stand in for this: it only says whether the page was
 * controlled when it registered.
 */
export function versionChangeTracker(controlledAtLoad: boolean): VersionChangeTracker {
  let anyIsNew = controlledAtLoad;
  return {
    claimsAreNew: () => void (anyIsNew = true),
    isNewVersion: () => {
      const changed = anyIsNew;
      anyIsNew = true;
      return changed;
    },
  };
}

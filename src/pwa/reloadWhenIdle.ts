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

import { useState } from 'react';
import { useBusy, whenActivityEnds } from '../pwa/activity';
import { applyUpdate, type OfflineState } from '../pwa/serviceWorker';
import { usePwa } from '../pwa/usePwa';

const megabytes = (bytes: number) => `${Math.floor(bytes / 1e6)} MB`;

function offlineText(offline: OfflineState): string | null {
  switch (offline.phase) {
    case 'unsupported':
      return null;
    case 'installing':
      return 'Saving a copy of Facegate and its face models for offline use…';
    case 'ready':
      return 'Works offline: Facegate and its face models are saved in this browser.';
    case 'unavailable':
      return (
        'Offline use is unavailable: this browser did not allow an offline copy (its storage ' +
        'is full or refused' +
        (offline.freeBytes === null ? '' : `, ${megabytes(offline.freeBytes)} free`) +
        '). Facegate still works while this page can reach its server.'
      );
  }
}

/** Offline readiness, and the offer to move to a new version once one is waiting. */
export function PwaStatus() {
  const { offline, updateWaiting, reloadPending } = usePwa();
  const busy = useBusy();
  const [accepted, setAccepted] = useState(false);

  // Accepted during a capture or while its result is shown: the switch waits until the
  // person has moved on.
  function accept() {
    setAccepted(true);
    whenActivityEnds(applyUpdate);
  }

  const text = offlineText(offline);
  return (
    <>
      {text && (
        <p data-testid="offline-status" data-phase={offline.phase}>
          {text}
        </p>
      )}
      {reloadPending && (
        <p role="alert" data-testid="reload-pending">
          A new version of Facegate has taken over. This page reloads once you are done with the
          capture under way and its result; nothing you saved is lost.
        </p>
      )}
      {updateWaiting && !reloadPending && (
        <div className="update" role="alert" data-testid="update-prompt">
          <p>A new version of Facegate is ready.</p>
          <button type="button" disabled={accepted} onClick={accept}>
            {!accepted
              ? 'Reload to update'
              : busy
                ? 'Updating when you are done here…'
                : 'Updating…'}
          </button>
        </div>
      )}
    </>
  );
}

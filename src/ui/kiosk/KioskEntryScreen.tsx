import { useState } from 'react';
import type { Services } from '../screens/services';
import { storeMessage } from '../useStore';
import { OperatorPinForm } from './OperatorPinForm';
import { enterFullscreen } from './useFullscreen';

/** Explains kiosk mode and starts it; a PIN must be set first, here or under Settings. */
export function KioskEntryScreen({ services }: { services: Services }) {
  const { settings, updateSettings } = services;
  const [error, setError] = useState<string | null>(null);
  const task = settings.kioskTask === 'identify' ? 'identification' : 'verification';

  function start() {
    // First, while this click still lets the page go fullscreen. A refusal is not an
    // error: the kiosk says so and runs in the window.
    enterFullscreen().catch(() => undefined);
    updateSettings({ kioskActive: true }).catch((e: unknown) => setError(storeMessage(e)));
  }

  return (
    <section aria-labelledby="kiosk-entry-title" className="stack">
      <h2 id="kiosk-entry-title">Kiosk mode</h2>
      <p>
        For a screen nobody attends. The kiosk offers only {task}, fills the screen and keeps it on
        where the browser allows, and forgets each person after {settings.kioskIdleSeconds} seconds
        without use. Enrolment, Manage, Settings and leaving kiosk mode then need the operator PIN.
        Choose what it offers and the idle time under Settings.
      </p>
      <p role="status" aria-live="polite" data-testid="kiosk-pin-state">
        {settings.operatorPin === null
          ? 'Set an operator PIN first: it is the only way out of kiosk mode.'
          : 'The operator PIN is set. Change it under Settings.'}
      </p>
      {settings.operatorPin === null && (
        <OperatorPinForm hasPin={false} updateSettings={updateSettings} />
      )}
      <button
        type="button"
        className="primary"
        disabled={settings.operatorPin === null}
        onClick={start}
      >
        Start kiosk mode
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

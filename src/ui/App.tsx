import { useState } from 'react';
import { embedderEntry } from '../shared/models';
import type { Person } from '../store';
import { KioskEntryScreen } from './kiosk/KioskEntryScreen';
import { KioskMode } from './kiosk/KioskMode';
import { engineErrorMessages } from './messages';
import { ConsentScreen } from './screens/ConsentScreen';
import { EnrolScreen } from './screens/EnrolScreen';
import { IdentifyScreen } from './screens/IdentifyScreen';
import { ManageScreen } from './screens/ManageScreen';
import type { Services } from './screens/services';
import { SettingsScreen } from './screens/SettingsScreen';
import { VerifyScreen } from './screens/VerifyScreen';
import { PwaStatus } from './PwaStatus';
import { useEngine } from './useEngine';
import { useStore } from './useStore';

type Screen = 'enrol' | 'verify' | 'identify' | 'manage' | 'settings' | 'kiosk';
const screens: { id: Screen; label: string }[] = [
  { id: 'enrol', label: 'Enrol' },
  { id: 'verify', label: 'Verify' },
  { id: 'identify', label: 'Identify' },
  { id: 'manage', label: 'Manage' },
  { id: 'settings', label: 'Settings' },
  { id: 'kiosk', label: 'Kiosk mode' },
];

export function App() {
  const { state: storeState, updateSettings, reloadSettings } = useStore();
  const settings = storeState.phase === 'ready' ? storeState.settings : null;
  const engine = useEngine(settings?.detectorRange ?? 'short');
  const [screen, setScreen] = useState<Screen>('verify');
  const [reEnrol, setReEnrol] = useState<Person | null>(null);

  const services: Services | null =
    storeState.phase === 'ready' && engine.phase === 'ready'
      ? {
          engine: engine.client,
          status: engine.status,
          embedder: embedderEntry(engine.status.embedderId)!,
          store: storeState.store,
          settings: storeState.settings,
          updateSettings,
          reloadSettings,
        }
      : null;

  // Each visit to a screen starts it afresh (a finished enrolment gives a new form).
  const [visit, setVisit] = useState(0);
  function go(next: Screen) {
    setReEnrol(null);
    setScreen(next);
    setVisit((v) => v + 1);
  }

  return (
    <main>
      <h1>Facegate</h1>
      <p>Face verification that runs entirely in this browser. No image ever leaves it.</p>
      <div role="status" aria-live="polite" data-testid="engine-status">
        {engine.phase === 'loading' && <p>Loading the face models…</p>}
        {engine.phase === 'failed' && (
          <p className="error" data-code={engine.code}>
            {engineErrorMessages[engine.code]}
          </p>
        )}
        {engine.phase === 'ready' && (
          <p>
            Ready. Running on <strong>{engine.status.backend.toUpperCase()}</strong>.
          </p>
        )}
        <PwaStatus />
        {storeState.phase === 'failed' && (
          <p className="error" data-testid="store-error">
            {storeState.message} Verification is not possible without it.
          </p>
        )}
      </div>

      {settings && !settings.consent && (
        <ConsentScreen
          onAgree={() =>
            void updateSettings({ consent: { given: true, at: new Date().toISOString() } })
          }
        />
      )}
      {storeState.phase === 'ready' &&
        storeState.settings.consent &&
        storeState.settings.kioskActive && (
          <KioskMode
            services={services}
            store={storeState.store}
            settings={storeState.settings}
            updateSettings={updateSettings}
          />
        )}
      {settings?.consent && !settings.kioskActive && (
        <>
          <nav className="screens" aria-label="Screens">
            {screens.map((s) => (
              <button
                key={s.id}
                type="button"
                aria-current={screen === s.id ? 'page' : undefined}
                onClick={() => go(s.id)}
              >
                {s.label}
              </button>
            ))}
          </nav>
          {services && screen === 'enrol' && (
            <EnrolScreen
              key={reEnrol?.id ?? `new-${visit}`}
              services={services}
              person={reEnrol ?? undefined}
            />
          )}
          {services && screen === 'verify' && <VerifyScreen services={services} />}
          {services && screen === 'identify' && <IdentifyScreen services={services} />}
          {services && screen === 'manage' && (
            <ManageScreen
              services={services}
              onReEnrol={(person) => {
                setReEnrol(person);
                setScreen('enrol');
              }}
            />
          )}
          {services && screen === 'settings' && <SettingsScreen services={services} />}
          {services && screen === 'kiosk' && <KioskEntryScreen services={services} />}
        </>
      )}
    </main>
  );
}

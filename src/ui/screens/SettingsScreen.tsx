import { useEffect, useState } from 'react';
import { listCameras } from '../../camera/openCamera';
import type { FarLevel } from '../../shared/manifest';
import { KioskSettings } from '../kiosk/KioskSettings';
import { storeMessage } from '../useStore';
import type { Services } from './services';

const securityLevels: { far: FarLevel; label: string }[] = [
  { far: '0.01', label: 'Convenient: 1 impostor in 100 may pass' },
  { far: '0.001', label: 'Balanced: 1 impostor in 1,000 may pass' },
  { far: '0.0001', label: 'Strict: 1 impostor in 10,000 may pass' },
];

/** Camera, security level (a target false-accept rate), detector range, kiosk, and the backend. */
export function SettingsScreen({ services }: { services: Services }) {
  const { settings, updateSettings, status } = services;
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listCameras().then(setCameras, () => setCameras([]));
  }, []);

  const save = (change: Parameters<typeof updateSettings>[0]) =>
    updateSettings(change).catch((e: unknown) => setError(storeMessage(e)));

  return (
    <section aria-labelledby="settings-title" className="stack">
      <h2 id="settings-title">Settings</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <label>
        Camera{' '}
        <select
          value={settings.cameraId ?? ''}
          onChange={(e) => void save({ cameraId: e.target.value || null })}
        >
          <option value="">Default camera</option>
          {cameras.map((c, i) => (
            <option key={c.deviceId || i} value={c.deviceId}>
              {c.label || `Camera ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Security level{' '}
        <select
          value={settings.securityLevel}
          onChange={(e) => void save({ securityLevel: e.target.value as FarLevel })}
        >
          {securityLevels.map((l) => (
            <option key={l.far} value={l.far}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Distance to the camera{' '}
        <select
          value={settings.detectorRange}
          onChange={(e) => void save({ detectorRange: e.target.value as 'short' | 'full' })}
        >
          <option value="short">One person at the screen (short range)</option>
          <option value="full">People further away, up to about 5 m (full range)</option>
        </select>
      </label>
      <KioskSettings services={services} />
      <h3>Face models</h3>
      <p data-testid="backend">
        Running on <strong>{status.backend.toUpperCase()}</strong> with {status.embedderId} and the{' '}
        {status.detectorId} detector.
      </p>
      <ul>
        {status.backendAttempts.map((a) => (
          <li key={a.backend}>
            {a.backend}: {a.ok ? 'used' : 'not used'} ({a.reason})
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { kioskIdleLimits, type KioskTask } from '../../store';
import type { Services } from '../screens/services';
import { storeMessage } from '../useStore';
import { OperatorPinForm } from './OperatorPinForm';

const { minSeconds, maxSeconds } = kioskIdleLimits;

/** What the kiosk offers, how soon it forgets a person, and the operator PIN. */
export function KioskSettings({ services }: { services: Services }) {
  const { settings, updateSettings } = services;
  const [idle, setIdle] = useState(String(settings.kioskIdleSeconds));
  const [message, setMessage] = useState<string | null>(null);

  const save = (change: Parameters<typeof updateSettings>[0]) =>
    updateSettings(change).then(
      () => setMessage(null),
      (e: unknown) => setMessage(storeMessage(e)),
    );

  function changeIdle(text: string) {
    setIdle(text);
    const seconds = Number(text);
    if (Number.isInteger(seconds) && seconds >= minSeconds && seconds <= maxSeconds) {
      void save({ kioskIdleSeconds: seconds });
    } else {
      setMessage(`Choose a whole number of seconds from ${minSeconds} to ${maxSeconds}.`);
    }
  }

  return (
    <fieldset className="stack">
      <legend>Kiosk mode</legend>
      <label>
        The kiosk offers{' '}
        <select
          value={settings.kioskTask}
          onChange={(e) => void save({ kioskTask: e.target.value as KioskTask })}
        >
          <option value="identify">Identification: who is this?</option>
          <option value="verify">Verification: is this who they say?</option>
        </select>
      </label>
      <label>
        Seconds without use before the kiosk forgets a person{' '}
        <input
          type="number"
          min={minSeconds}
          max={maxSeconds}
          step={1}
          value={idle}
          onChange={(e) => changeIdle(e.target.value)}
        />
      </label>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <OperatorPinForm hasPin={settings.operatorPin !== null} updateSettings={updateSettings} />
    </fieldset>
  );
}

import { useState } from 'react';
import { hashOperatorPin, isOperatorPin, operatorPinLength, type Settings } from '../../store';
import { storeMessage } from '../useStore';

/** Sets or changes the operator PIN: typed twice, kept only as a salted hash. */
export function OperatorPinForm({
  hasPin,
  updateSettings,
}: {
  hasPin: boolean;
  updateSettings: (change: Partial<Settings>) => Promise<void>;
}) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { min, max } = operatorPinLength;

  async function save() {
    if (!isOperatorPin(pin)) return setMessage(`A PIN is ${min} to ${max} digits, nothing else.`);
    if (pin !== repeat) return setMessage('The two PINs differ. Type the same PIN twice.');
    setSaving(true);
    try {
      await updateSettings({ operatorPin: await hashOperatorPin(pin) });
      setPin('');
      setRepeat('');
      setMessage('The operator PIN is set.');
    } catch (error) {
      setMessage(storeMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="stack"
      aria-label="Operator PIN setting"
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) void save();
      }}
    >
      <label>
        New operator PIN ({min} to {max} digits){' '}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
      </label>
      <label>
        Repeat the new PIN{' '}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={saving}>
        {hasPin ? 'Change the operator PIN' : 'Set the operator PIN'}
      </button>
      <p role="status" aria-live="polite" data-testid="pin-message">
        {saving ? 'Saving the PIN…' : message}
      </p>
    </form>
  );
}

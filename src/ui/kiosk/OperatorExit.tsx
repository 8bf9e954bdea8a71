import { useState } from 'react';
import { checkOperatorPin, type PinCheck } from '../../app/operatorPin';
import { formatWait } from '../../app/lockout';
import type { FacegateStore } from '../../store';
import { storeMessage } from '../useStore';

/** What the operator reads after a PIN that did not open the kiosk. */
function pinMessage(check: Exclude<PinCheck, { kind: 'accepted' }>): string {
  switch (check.kind) {
    case 'rejected':
      return `That PIN is wrong. ${check.triesLeft} ${check.triesLeft === 1 ? 'try' : 'tries'} left before operator access is locked.`;
    case 'locked':
      return `${check.afterWrongPin ? 'That PIN is wrong. ' : ''}Too many wrong PINs: operator access is locked for ${formatWait(check.waitMs)}.`;
    case 'no-pin':
      return 'No operator PIN is set, so kiosk mode cannot be left here. Clearing this site’s data in the browser resets Facegate.';
  }
}

/**
 * The only way out of kiosk mode, and so to enrolment, Manage and Settings: the operator
 * PIN, with wrong ones counted towards a lockout.
 */
export function OperatorExit({
  store,
  onOpenChange,
  onLeave,
}: {
  store: FacegateStore;
  onOpenChange: (open: boolean) => void;
  onLeave: () => Promise<void>;
}) {
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange(next);
  };
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function check() {
    setChecking(true);
    try {
      const result = await checkOperatorPin(store, pin);
      if (result.kind === 'accepted') return await onLeave();
      setMessage(pinMessage(result));
    } catch (error) {
      setMessage(storeMessage(error));
    } finally {
      setPin('');
      setChecking(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="kiosk-operator" onClick={() => setOpen(true)}>
        Operator
      </button>
    );
  }
  return (
    <form
      className="stack kiosk-operator"
      aria-label="Operator access"
      onSubmit={(e) => {
        e.preventDefault();
        if (!checking) void check();
      }}
    >
      <label>
        Operator PIN{' '}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
          autoFocus
        />
      </label>
      <button type="submit" disabled={checking}>
        Leave kiosk mode
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <p role="status" aria-live="polite" data-testid="operator-message">
        {checking ? 'Checking the PIN…' : message}
      </p>
    </form>
  );
}

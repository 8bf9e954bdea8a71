import { useCallback, useState } from 'react';
import type { FacegateStore, Settings } from '../../store';
import type { Services } from '../screens/services';
import { KioskSession } from './KioskSession';
import { OperatorExit } from './OperatorExit';
import { useFullscreen, leaveFullscreen } from './useFullscreen';
import { useIdleTimer } from './useIdleTimer';
import { useWakeLock } from './useWakeLock';
import './kiosk.css';

interface KioskModeProps {
  /** Null while the face models load: the way out needs only the store. */
  services: Services | null;
  store: FacegateStore;
  settings: Settings;
  updateSettings: (change: Partial<Settings>) => Promise<void>;
}

/**
 * The unattended kiosk: one task, fullscreen and awake where the browser allows, each
 * person forgotten after the idle time, and nothing else reachable without the PIN.
 */
export function KioskMode({ services, store, settings, updateSettings }: KioskModeProps) {
  const fullscreen = useFullscreen();
  const wakeLockNotice = useWakeLock();
  const [session, setSession] = useState(0);
  const [sessionBusy, setSessionBusy] = useState(false);
  const [operatorOpen, setOperatorOpen] = useState(false);

  // A new session unmounts the last one: its name, verdict and camera go with it.
  const forget = useCallback(() => {
    setSession((n) => n + 1);
    setSessionBusy(false);
    setOperatorOpen(false);
  }, []);
  const activity = useIdleTimer(
    sessionBusy || operatorOpen,
    settings.kioskIdleSeconds * 1000,
    forget,
  );

  async function leave() {
    leaveFullscreen();
    await updateSettings({ kioskActive: false });
  }

  const notices = [fullscreen.notice, wakeLockNotice].filter((n) => n !== null);
  return (
    <div className="kiosk-mode">
      {services ? (
        <KioskSession
          key={session}
          services={services}
          task={settings.kioskTask}
          onStart={fullscreen.request}
          onBusy={setSessionBusy}
          onActivity={activity}
          onFinish={forget}
        />
      ) : (
        <p>The kiosk starts once the face models are loaded.</p>
      )}
      <footer className="kiosk-footer">
        {notices.map((notice) => (
          <p key={notice} className="kiosk-notice">
            {notice}
          </p>
        ))}
        {fullscreen.canRequest && (
          <button type="button" onClick={fullscreen.request}>
            Go fullscreen
          </button>
        )}
        <OperatorExit key={session} store={store} onOpenChange={setOperatorOpen} onLeave={leave} />
      </footer>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { challengeSeed } from '../../app/challengeSeed';
import {
  beginChallenge,
  identifyPerson,
  loadClaim,
  matchesClaim,
  verificationWait,
  verifyChallenge,
  type Claim,
  type FinishedChallenge,
} from '../../app/decisions';
import { formatWait } from '../../app/lockout';
import {
  challengeActions,
  defaultChallengePolicy,
  type ChallengeAction,
} from '../../biometrics/liveness/challenge';
import { ChallengeCapture } from '../capture/ChallengeCapture';
import { useActivityWhile } from '../../pwa/activity';
import { nameKey, type KioskTask } from '../../store';
import type { Services } from '../screens/services';
import { storeMessage } from '../useStore';
import { KioskCapture } from './KioskCapture';
import { identifyVerdict, verifyVerdict, type KioskVerdict } from './kioskVerdicts';

type Step =
  | { kind: 'start' }
  | { kind: 'capture' }
  | { kind: 'challenge'; claim: Claim; actions: ChallengeAction[] }
  | { kind: 'deciding' }
  | { kind: 'result'; verdict: KioskVerdict }
  | { kind: 'refused'; message: string };

interface KioskSessionProps {
  services: Services;
  task: KioskTask;
  /** Called from the click that starts a check, while the browser still allows fullscreen. */
  onStart: () => void;
  /** Whether anything of a person is on screen, so that idleness has something to forget. */
  onBusy: (busy: boolean) => void;
  onActivity: () => void;
  /** The person is done: forget them. */
  onFinish: () => void;
}

/**
 * One person at the kiosk: start, camera, result. The kiosk mounts a new one for each
 * person, so nothing of the last one (name typed, verdict, camera) outlives it.
 */
export function KioskSession({
  services,
  task,
  onStart,
  onBusy,
  onActivity,
  onFinish,
}: KioskSessionProps) {
  const { store, embedder, engine, settings } = services;
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [name, setName] = useState('');

  const busy = step.kind !== 'start' || name !== '';
  useEffect(() => onBusy(busy), [busy, onBusy]);
  // A new version waits for the person to finish, or for the idle reset, to reload.
  useActivityWhile(busy);
  // Each new step gives the person the full idle time to read it.
  useEffect(() => onActivity(), [step, onActivity]);

  async function startVerification() {
    try {
      const typed = nameKey(name);
      const person = (await store.listPeople()).find((p) => nameKey(p.name) === typed);
      if (!person) {
        const message =
          'Nobody is enrolled here under that name. Check it, or ask a member of staff.';
        return setStep({ kind: 'refused', message });
      }
      const waitMs = await verificationWait(store, person.id, Date.now());
      if (waitMs !== null) {
        const message = `Too many failed attempts for ${person.name}. Try again in ${formatWait(waitMs)}.`;
        return setStep({ kind: 'refused', message });
      }
      const claim = await loadClaim(store, embedder, person, settings.securityLevel);
      if (!claim) {
        return setStep({
          kind: 'result',
          verdict: verifyVerdict(person, { kind: 're-enrol', person }),
        });
      }
      const actions = challengeActions(challengeSeed(), defaultChallengePolicy.actions);
      await beginChallenge(store, person);
      setStep({ kind: 'challenge', claim, actions });
    } catch (error) {
      setStep({ kind: 'refused', message: storeMessage(error) });
    }
  }

  async function decide(work: () => Promise<KioskVerdict>) {
    setStep({ kind: 'deciding' });
    try {
      setStep({ kind: 'result', verdict: await work() });
    } catch (error) {
      setStep({ kind: 'refused', message: storeMessage(error) });
    }
  }

  return (
    <section aria-labelledby="kiosk-title" className="kiosk stack">
      <h2 id="kiosk-title">{task === 'identify' ? 'Identification' : 'Verification'}</h2>
      {step.kind === 'start' && task === 'identify' && (
        <button
          type="button"
          className="primary kiosk-big"
          onClick={() => {
            onStart();
            setStep({ kind: 'capture' });
          }}
        >
          Start identification
        </button>
      )}
      {step.kind === 'start' && task === 'verify' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            onStart();
            void startVerification();
          }}
        >
          <label className="kiosk-field">
            Your name or ID{' '}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              required
            />
          </label>
          <button type="submit" className="primary kiosk-big">
            Start verification
          </button>
        </form>
      )}
      {step.kind === 'capture' && (
        <KioskCapture
          engine={engine}
          cameraId={settings.cameraId ?? undefined}
          onFaceSeen={onActivity}
          onDone={(probes) =>
            void decide(async () =>
              identifyVerdict(
                await identifyPerson(store, embedder, probes, settings.securityLevel),
              ),
            )
          }
        />
      )}
      {step.kind === 'challenge' && (
        <ChallengeCapture
          engine={engine}
          cameraId={settings.cameraId ?? undefined}
          actions={step.actions}
          matches={(embedding) => matchesClaim(step.claim, embedding)}
          onFaceSeen={onActivity}
          onDone={(challenge: FinishedChallenge) =>
            void decide(async () => {
              const { person } = step.claim;
              const far = settings.securityLevel;
              return verifyVerdict(
                person,
                await verifyChallenge(store, embedder, person, challenge, far),
              );
            })
          }
          large
        />
      )}
      <div role="status" aria-live="assertive" data-testid="kiosk-result">
        {step.kind === 'deciding' && <p className="kiosk-verdict">Checking…</p>}
        {step.kind === 'result' && (
          <p
            className={`verdict kiosk-verdict ${step.verdict.accepted ? 'accepted' : 'rejected'}`}
            data-verdict={step.verdict.accepted ? 'accepted' : 'rejected'}
          >
            {step.verdict.accepted ? '✔' : '✖'} {step.verdict.text}
          </p>
        )}
        {step.kind === 'refused' && <p className="error kiosk-verdict">{step.message}</p>}
      </div>
      {step.kind !== 'start' && step.kind !== 'deciding' && (
        <button type="button" className="kiosk-big" onClick={onFinish}>
          {step.kind === 'capture' || step.kind === 'challenge' ? 'Cancel' : 'Done'}
        </button>
      )}
    </section>
  );
}

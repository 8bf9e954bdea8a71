import { useEffect, useState } from 'react';
import { challengeSeed } from '../../app/challengeSeed';
import {
  beginChallenge,
  loadClaim,
  matchesClaim,
  verificationWait,
  verifyChallenge,
  type Claim,
  type FinishedChallenge,
  type VerifyOutcome,
} from '../../app/decisions';
import { formatWait } from '../../app/lockout';
import { useOutcomeHold } from '../../pwa/activity';
import {
  challengeActions,
  defaultChallengePolicy,
  type ChallengeAction,
} from '../../biometrics/liveness/challenge';
import { medianScores } from '../../biometrics/liveness/passiveScores';
import type { LivenessScores } from '../../shared/engineApi';
import type { Person } from '../../store';
import { ChallengeCapture } from '../capture/ChallengeCapture';
import { notLiveText } from '../messages';
import { storeMessage } from '../useStore';
import { PassiveReport } from './PassiveReport';
import { Verdict } from './Verdict';
import type { Services } from './services';

type Step =
  | { kind: 'choose' }
  | { kind: 'locked'; person: Person; waitMs: number }
  | { kind: 'ready'; claim: Claim; actions: ChallengeAction[] }
  | { kind: 'capture'; claim: Claim; actions: ChallengeAction[] }
  | { kind: 'deciding'; person: Person }
  | { kind: 'result'; person: Person; outcome: VerifyOutcome; passive?: LivenessScores | null }
  | { kind: 'failed'; message: string };

/** 1:1: "is this Alice?", by a liveness challenge whose every frame must be Alice. */
export function VerifyScreen({ services }: { services: Services }) {
  const { store, embedder, engine, settings } = services;
  const [people, setPeople] = useState<Person[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [round, setRound] = useState(0);
  // A new version waits from the challenge's start (its attempt is counted then) until the
  // person leaves its verdict: a new verification, or another screen.
  const outcome = useOutcomeHold();

  useEffect(() => {
    store
      .listPeople()
      .then(setPeople, (e: unknown) => setStep({ kind: 'failed', message: storeMessage(e) }));
  }, [store]);

  async function start(person: Person) {
    outcome.release();
    try {
      const waitMs = await verificationWait(store, person.id, Date.now());
      if (waitMs !== null) return setStep({ kind: 'locked', person, waitMs });
      const claim = await loadClaim(store, embedder, person, settings.securityLevel);
      if (!claim) return setStep({ kind: 'result', person, outcome: { kind: 're-enrol', person } });
      const actions = challengeActions(challengeSeed(), defaultChallengePolicy.actions);
      setRound((r) => r + 1);
      setStep({ kind: 'ready', claim, actions });
    } catch (error) {
      // Storage failing must refuse verification, never pass it.
      setStep({ kind: 'failed', message: storeMessage(error) });
    }
  }

  async function capture(ready: Extract<Step, { kind: 'ready' }>) {
    outcome.take();
    try {
      await beginChallenge(store, ready.claim.person);
      setStep({ ...ready, kind: 'capture' });
    } catch (error) {
      setStep({ kind: 'failed', message: storeMessage(error) });
    }
  }

  async function decide(person: Person, challenge: FinishedChallenge) {
    setStep({ kind: 'deciding', person });
    try {
      const far = settings.securityLevel;
      const outcome = await verifyChallenge(store, embedder, person, challenge, far);
      const frames =
        challenge.phase === 'failed' && challenge.reason === 'not-matching'
          ? [...challenge.used, challenge.embedding]
          : challenge.used;
      const passive = medianScores(frames.map((e) => e.livenessScores));
      setStep({ kind: 'result', person, outcome, passive });
    } catch (error) {
      setStep({ kind: 'failed', message: storeMessage(error) });
    }
  }

  if (people && people.length === 0) {
    return <p>Nobody is enrolled yet. Enrol someone first.</p>;
  }
  return (
    <section aria-labelledby="verify-title" className="stack">
      <h2 id="verify-title">Verify a person</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const person = people?.find((p) => p.id === chosen);
          if (person) void start(person);
        }}
      >
        <label>
          Who is this?{' '}
          <select value={chosen} onChange={(e) => setChosen(e.target.value)} required>
            <option value="">Choose a person</option>
            {people?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {/* Not while a challenge runs: it is not redrawn by starting again. */}
        <button
          type="submit"
          className="primary"
          disabled={!chosen || step.kind === 'capture' || step.kind === 'deciding'}
        >
          Start verification
        </button>
      </form>
      {step.kind === 'ready' && (
        <div className="stack">
          <p>
            Verification checks that a live person is in front of the camera: you will be asked to
            look at the camera, then to turn your head, one way and then the other, in an order
            chosen now. Do each movement when asked; you have{' '}
            {defaultChallengePolicy.timeLimitMs / 1000} seconds for the turns.
          </p>
          <button type="button" className="primary" onClick={() => void capture(step)}>
            Use the camera
          </button>
        </div>
      )}
      {step.kind === 'capture' && (
        <ChallengeCapture
          key={round}
          engine={engine}
          cameraId={settings.cameraId ?? undefined}
          actions={step.actions}
          matches={(embedding) => matchesClaim(step.claim, embedding)}
          onDone={(challenge) => void decide(step.claim.person, challenge)}
        />
      )}
      <div role="status" aria-live="assertive" data-testid="verify-result">
        {step.kind === 'deciding' && <p>Checking…</p>}
        {step.kind === 'locked' && (
          <p className="verdict rejected">
            ⛔ Too many failed attempts. Verification of {step.person.name} is locked for{' '}
            {formatWait(step.waitMs)}.
          </p>
        )}
        {step.kind === 'result' && step.outcome.kind === 're-enrol' && (
          <p className="error">
            {step.person.name} was enrolled with another face model and must be enrolled again
            (Manage → Re-enrol).
          </p>
        )}
        {step.kind === 'result' && step.outcome.kind === 'not-live' && (
          <p className="verdict rejected" data-verdict="rejected">
            ✖ Rejected: {notLiveText[step.outcome.reason]}
          </p>
        )}
        {step.kind === 'result' && step.outcome.kind === 'decided' && (
          <Verdict
            accepted={step.outcome.accepted}
            text={
              step.outcome.accepted
                ? `Accepted: this is ${step.person.name}.`
                : `Rejected: this is not ${step.person.name}.`
            }
            similarity={step.outcome.similarity}
            threshold={step.outcome.threshold}
          />
        )}
        {step.kind === 'result' && step.passive && <PassiveReport scores={step.passive} />}
        {step.kind === 'failed' && <p className="error">{step.message}</p>}
      </div>
    </section>
  );
}

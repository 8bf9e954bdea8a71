import { useState } from 'react';
import { identifyPerson, type IdentifyOutcome } from '../../app/decisions';
import { useOutcomeHold } from '../../pwa/activity';
import { CapturePanel } from '../capture/CapturePanel';
import { storeMessage } from '../useStore';
import { Verdict } from './Verdict';
import type { Services } from './services';

type Step =
  | { kind: 'capture' }
  | { kind: 'deciding' }
  | { kind: 'result'; outcome: IdentifyOutcome }
  | { kind: 'failed'; message: string };

/** 1:N: "who is this?", or unknown. */
export function IdentifyScreen({ services }: { services: Services }) {
  const { store, embedder, engine, settings } = services;
  const [step, setStep] = useState<Step>({ kind: 'capture' });
  const [round, setRound] = useState(0);
  // A new version waits from the capture until the person leaves its answer.
  const outcome = useOutcomeHold();

  async function decide(probes: Float32Array[]) {
    setStep({ kind: 'deciding' });
    try {
      const outcome = await identifyPerson(store, embedder, probes, settings.securityLevel);
      setStep({ kind: 'result', outcome });
    } catch (error) {
      setStep({ kind: 'failed', message: storeMessage(error) });
    }
  }

  return (
    <section aria-labelledby="identify-title" className="stack">
      <h2 id="identify-title">Identify a person</h2>
      {step.kind === 'capture' && (
        <CapturePanel
          key={round}
          engine={engine}
          cameraId={settings.cameraId ?? undefined}
          purpose="attempt"
          onDone={(probes) => {
            outcome.take();
            void decide(probes);
          }}
        />
      )}
      <div role="status" aria-live="assertive" data-testid="identify-result">
        {step.kind === 'deciding' && <p>Searching…</p>}
        {step.kind === 'result' && step.outcome.kind === 'found' && (
          <Verdict
            accepted
            text={`This is ${step.outcome.person.name}.`}
            similarity={step.outcome.similarity}
            threshold={step.outcome.threshold}
          />
        )}
        {step.kind === 'result' && step.outcome.kind === 'unknown' && (
          <>
            <Verdict
              accepted={false}
              text="Unknown person: nobody enrolled here matches."
              similarity={step.outcome.bestSimilarity}
              threshold={step.outcome.threshold}
            />
            {step.outcome.otherModel > 0 && (
              <p>
                {step.outcome.otherModel} enrolled people were made with another face model and were
                not compared; re-enrol them under Manage.
              </p>
            )}
          </>
        )}
        {step.kind === 'failed' && <p className="error">{step.message}</p>}
      </div>
      {(step.kind === 'result' || step.kind === 'failed') && (
        <button
          type="button"
          onClick={() => {
            outcome.release();
            setRound((r) => r + 1);
            setStep({ kind: 'capture' });
          }}
        >
          Identify again
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import { existingMatch } from '../../app/decisions';
import { useOutcomeHold } from '../../pwa/activity';
import { nameKey, nameProblem, type Person } from '../../store';
import { CapturePanel } from '../capture/CapturePanel';
import { storeMessage } from '../useStore';
import type { Services } from './services';

type Step =
  | { kind: 'name' }
  | { kind: 'capture'; name: string }
  | { kind: 'duplicate'; name: string; embeddings: Float32Array[]; match: Person }
  | { kind: 'saving' }
  | { kind: 'done'; name: string }
  | { kind: 'failed'; message: string };

/** Enrol a new person, or re-enrol `person` (a new template replaces the old one). */
export function EnrolScreen({ services, person }: { services: Services; person?: Person }) {
  const { store, embedder, engine, settings } = services;
  const [step, setStep] = useState<Step>(
    person ? { kind: 'capture', name: person.name } : { kind: 'name' },
  );
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  // The name is checked before the camera starts, so nobody looks at it for nothing;
  // the store checks again when saving, which also covers another tab enrolling the
  // same name meanwhile.
  async function chooseName() {
    const problem = nameProblem(name);
    if (problem) return setNameError(`Choose another name: ${problem}.`);
    const chosen = name.normalize('NFC').trim();
    try {
      const people = await store.listPeople();
      if (people.some((p) => nameKey(p.name) === nameKey(chosen))) {
        return setNameError(`"${chosen}" is already enrolled here. Choose another name.`);
      }
    } catch (error) {
      return setNameError(storeMessage(error));
    }
    setNameError(null);
    setStep({ kind: 'capture', name: chosen });
  }

  function startOver() {
    outcome.release();
    setName('');
    setNameError(null);
    setStep({ kind: 'name' });
  }

  // A new version waits from the capture until the person leaves its outcome (Enrol someone
  // else, or another screen): the enrolment is stored and they have seen that it was.
  const outcome = useOutcomeHold();

  async function save(personName: string, embeddings: Float32Array[]) {
    setStep({ kind: 'saving' });
    try {
      if (person) await store.replaceTemplate(person.id, embedder.id, embeddings);
      else await store.addPerson({ name: personName, modelId: embedder.id, embeddings });
      setStep({ kind: 'done', name: personName });
    } catch (error) {
      setStep({ kind: 'failed', message: storeMessage(error) });
    }
  }

  async function captured(personName: string, embeddings: Float32Array[]) {
    try {
      const far = settings.securityLevel;
      const match = await existingMatch(store, embedder, embeddings, far, person?.id);
      if (match) return setStep({ kind: 'duplicate', name: personName, embeddings, match });
    } catch (error) {
      return setStep({ kind: 'failed', message: storeMessage(error) });
    }
    await save(personName, embeddings);
  }

  return (
    <section aria-labelledby="enrol-title" className="stack">
      <h2 id="enrol-title">{person ? `Re-enrol ${person.name}` : 'Enrol a person'}</h2>
      {step.kind === 'name' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void chooseName();
          }}
        >
          <label>
            Name or ID{' '}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError !== null}
              aria-describedby={nameError ? 'enrol-name-error' : undefined}
              required
            />
          </label>
          {nameError && (
            <p id="enrol-name-error" className="error" role="alert">
              {nameError}
            </p>
          )}
          <button type="submit" className="primary">
            Next: capture the face
          </button>
        </form>
      )}
      {step.kind === 'capture' && (
        <CapturePanel
          engine={engine}
          cameraId={settings.cameraId ?? undefined}
          purpose="enrol"
          onDone={(embeddings) => {
            outcome.take();
            void captured(step.name, embeddings);
          }}
        />
      )}
      <div role="status" aria-live="polite" data-testid="enrol-result">
        {step.kind === 'duplicate' && (
          <div className="stack">
            <p className="error">
              This face already matches {step.match.name}, who is enrolled here. Enrol it as{' '}
              {step.name} anyway?
            </p>
            <button type="button" onClick={() => void save(step.name, step.embeddings)}>
              Enrol anyway
            </button>
            <button type="button" onClick={startOver}>
              Cancel
            </button>
          </div>
        )}
        {step.kind === 'saving' && <p>Saving…</p>}
        {step.kind === 'done' && <p className="verdict accepted">✔ {step.name} is enrolled.</p>}
        {step.kind === 'failed' && <p className="error">{step.message}</p>}
      </div>
      {!person && (step.kind === 'done' || step.kind === 'failed') && (
        <button type="button" onClick={startOver}>
          {step.kind === 'done' ? 'Enrol someone else' : 'Start again'}
        </button>
      )}
    </section>
  );
}

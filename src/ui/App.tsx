import { engineErrorMessages } from './messages';
import { PhotoCheck } from './PhotoCheck';
import { useEngine } from './useEngine';

export function App() {
  const engine = useEngine();
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
            Ready. Running on <strong>{engine.status.backend.toUpperCase()}</strong> with{' '}
            {engine.status.embedderId}.
          </p>
        )}
      </div>
      {engine.phase === 'ready' && (
        <details>
          <summary>Why this backend</summary>
          <ul>
            {engine.status.backendAttempts.map((a) => (
              <li key={a.backend}>
                {a.backend}: {a.ok ? 'used' : 'not used'} ({a.reason})
              </li>
            ))}
          </ul>
        </details>
      )}
      {engine.phase === 'ready' && <PhotoCheck client={engine.client} />}
    </main>
  );
}

import { useState } from 'react';
import type { EngineClient } from '../client/engineClient';
import type { AnalyzeResult } from '../shared/engineApi';
import { isEngineError } from '../shared/errors';
import { engineErrorMessages } from './messages';

/** Pick a photo and see the faces the engine finds in it, with their quality figures. */
export function PhotoCheck({ client }: { client: EngineClient }) {
  const [result, setResult] = useState<AnalyzeResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onFile(file: File | undefined) {
    setResult(null);
    setError(null);
    if (!file) return;
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      setResult(await client.analyze(bitmap, { embed: 'all' }));
    } catch (e) {
      setError(
        isEngineError(e)
          ? engineErrorMessages[e.code]
          : 'That file is not a picture Facegate can read.',
      );
    }
  }

  return (
    <section aria-labelledby="photo-check">
      <h2 id="photo-check">Check a photo</h2>
      <label>
        Photo{' '}
        <input type="file" accept="image/*" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      <div role="status" aria-live="polite">
        {error && <p className="error">{error}</p>}
        {result && (
          <p>
            {result.faces.length === 0
              ? 'No face found.'
              : `${result.faces.length} face${result.faces.length > 1 ? 's' : ''} found in ${Math.round(result.timings.totalMs)} ms.`}
          </p>
        )}
      </div>
      {result && result.faces.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Face</th>
              <th>Width (px)</th>
              <th>Yaw (°)</th>
              <th>Roll (°)</th>
              <th>Sharpness</th>
              <th>Brightness</th>
            </tr>
          </thead>
          <tbody>
            {result.faces.map((f, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{Math.round(f.quality.faceWidth)}</td>
                <td>{Math.round(f.quality.yawDegrees)}</td>
                <td>{Math.round(f.quality.rollDegrees)}</td>
                <td>{Math.round(f.quality.sharpness)}</td>
                <td>{Math.round(f.quality.brightness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

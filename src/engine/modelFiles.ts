import { EngineError } from '../shared/errors';
import type { ModelFile } from '../shared/manifest';

/** Resolves a manifest path against the site root the app is served from. */
export type UrlResolver = (path: string) => string;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches a model file and checks it against its pinned SHA-256 before anything parses
 * it. A file that differs by one byte is refused.
 *
 * @throws EngineError `model-missing` when it cannot be fetched, `model-integrity` when
 * the hash differs.
 */
export async function fetchVerified(
  file: ModelFile,
  resolveUrl: UrlResolver,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(resolveUrl(file.path), { signal, cache: 'no-cache' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new EngineError('model-missing', `${file.path} could not be loaded`);
  }
  if (!response.ok) {
    throw new EngineError('model-missing', `${file.path} could not be loaded (${response.status})`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const hash = await sha256Hex(bytes);
  // eslint-disable-next-line security/detect-possible-timing-attacks -- both hashes are public
  if (hash !== file.sha256) {
    throw new EngineError(
      'model-integrity',
      `${file.path} failed its integrity check: its SHA-256 is not the pinned one`,
    );
  }
  return bytes;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

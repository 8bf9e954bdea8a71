/** Every failure the engine reports, as a code the UI maps to a plain message. */
export const engineErrorCodes = [
  'invalid-request',
  'not-ready',
  'aborted',
  'model-missing',
  'model-integrity',
  'model-invalid',
  'no-backend',
  'detector-failed',
  'frame-invalid',
  'backend-lost',
  'internal',
] as const;

export type EngineErrorCode = (typeof engineErrorCodes)[number];

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}

/** Anything thrown, as an EngineError (unknown failures become `internal`). */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new EngineError('aborted', 'the request was cancelled');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError('internal', message);
}

import * as Comlink from 'comlink';
import { EngineError, engineErrorCodes, toEngineError, type EngineErrorCode } from './errors';

interface SerializedError {
  code: EngineErrorCode;
  message: string;
}

/** A thrown value as it crosses to the other side: its code and message. */
export function serializeError(value: unknown): SerializedError {
  const error = toEngineError(value);
  return { code: error.code, message: error.message };
}

/**
 * Comlink's own handler for thrown values keeps only name, message and stack, so the
 * error code would be lost on the way to the UI. Both sides install this one instead;
 * it reuses Comlink's test for "this is a thrown value".
 */
export function installErrorTransfer(): void {
  const base = Comlink.transferHandlers.get('throw');
  if (!base) throw new Error('Comlink has no handler for thrown values');
  const handler: Comlink.TransferHandler<{ value: unknown }, SerializedError> = {
    canHandle: (value): value is { value: unknown } => base.canHandle(value),
    serialize: ({ value }) => [serializeError(value), []],
    deserialize: (serialized) => {
      const { code, message } = serialized ?? {};
      const known = engineErrorCodes.includes(code);
      throw new EngineError(known ? code : 'internal', String(message));
    },
  };
  Comlink.transferHandlers.set('throw', handler as Comlink.TransferHandler<unknown, unknown>);
}

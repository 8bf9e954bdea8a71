/** Every failure the storage layer reports, as a code the UI maps to a plain message. */
export const storeErrorCodes = [
  'unavailable',
  'quota',
  'closed',
  'not-found',
  'invalid-input',
  'corrupt',
  'duplicate-name',
  'backup-invalid',
  'backup-passphrase',
  'backup-model',
] as const;

export type StoreErrorCode = (typeof storeErrorCodes)[number];

/**
 * A storage failure. `message` is for developers and may name a record; what the person
 * at the screen reads comes from `storeErrorMessages[code]`.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** The person the failure is about, when it is about one (a name clash on import). */
  readonly personName: string | undefined;
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; personName?: string },
  ) {
    super(message, options);
    this.personName = options?.personName;
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/** What the person in front of the screen reads for each storage failure. */
export const storeErrorMessages: Record<StoreErrorCode, string> = {
  unavailable:
    'This browser would not let Facegate use its storage (private browsing or storage turned off can cause this). Nothing was saved.',
  quota:
    'This browser has run out of storage space for Facegate. Nothing was saved; free some space and try again.',
  closed: 'Facegate was updated or its data was cleared in another tab. Reload this page to go on.',
  'not-found': 'That person is no longer enrolled here.',
  'invalid-input': 'That could not be saved because part of it is not valid. Nothing was changed.',
  corrupt:
    'Some saved data is damaged and cannot be read. Delete the person concerned and enrol them again.',
  'duplicate-name': 'Someone is already enrolled under that name. Choose another name.',
  'backup-invalid': 'That file is not a Facegate backup, or it is damaged. Nothing was imported.',
  'backup-passphrase':
    'The passphrase does not open this backup, or the file was changed after it was made. Nothing was imported.',
  'backup-model':
    'This backup was made with a different face model from the one this app uses, so its faces cannot be compared. Nothing was imported; enrol the people again instead.',
};

/** The sentence for `error`, naming the person when the failure is about one. */
export function describeStoreError(error: StoreError): string {
  if (error.code === 'duplicate-name' && error.personName !== undefined) {
    return `"${error.personName}" is already enrolled here. Nothing was saved; rename or delete that person first.`;
  }
  return storeErrorMessages[error.code];
}

/** DOMException names that mean the connection is gone, not that the request was bad. */
const closedNames = new Set(['InvalidStateError', 'TransactionInactiveError']);

/**
 * Anything thrown by IndexedDB or WebCrypto, as a StoreError. Unknown failures become
 * `unavailable`: the data is intact but the browser would not do what was asked.
 */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return new StoreError('quota', message, { cause: error });
  if (closedNames.has(name)) return new StoreError('closed', message, { cause: error });
  return new StoreError('unavailable', message, { cause: error });
}

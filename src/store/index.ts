/** The storage layer's public face: the store, its types and its errors. */
export { openFacegateStore, type FacegateStore } from './store';
export {
  StoreError,
  describeStoreError,
  isStoreError,
  storeErrorCodes,
  storeErrorMessages,
  type StoreErrorCode,
} from './errors';
export { defaultSettings } from './settings';
export { maxAttempts } from './attempts';
export { backupLimits } from './backupFormat';
export { embeddingLimits, nameMaxLength, passphraseMinLength } from './validate';
export type {
  Attempt,
  AttemptKind,
  AttemptResult,
  DetectorRange,
  NewAttempt,
  NewPerson,
  Person,
  RunningModel,
  Settings,
  StoredTemplate,
} from './types';

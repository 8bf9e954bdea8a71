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
export { defaultSettings, kioskIdleLimits } from './settings';
export { hashOperatorPin, isOperatorPin, operatorPinLength, operatorPinMatches } from './pinHash';
export { maxAttempts } from './attempts';
export { backupLimits } from './backupFormat';
export {
  embeddingLimits,
  nameKey,
  nameMaxLength,
  nameProblem,
  passphraseMinLength,
} from './validate';
export type {
  Attempt,
  AttemptKind,
  AttemptResult,
  DetectorRange,
  KioskTask,
  NewAttempt,
  NewPerson,
  OperatorPinHash,
  Person,
  RunningModel,
  Settings,
  StoredTemplate,
} from './types';

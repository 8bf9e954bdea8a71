// The hostile-input corpus: every bad input Facegate must turn away, or handle, with the
// outcome the person (or the calling code) must get. Data only: bytes come from small
// recipes run at test time; e2e/hostile.spec.ts feeds each case through the app.
export { backupCases, controlBackup } from './backupCases';
export { enrolled } from './cases';
export type { BackupCase, Bytes, FileCase, WorkerCase } from './cases';
export { fileCases } from './fileCases';
export { workerCases } from './workerCases';

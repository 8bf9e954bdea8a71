import type { ChallengeFailure } from '../biometrics/liveness/challenge';
import type { EngineErrorCode } from '../shared/errors';

/** Why a liveness challenge failed, for the person who tried it. */
export const notLiveText: Record<Exclude<ChallengeFailure, 'not-matching'>, string> = {
  timeout: 'the head movements were not done in time. A live person must follow the instructions.',
  'wrong-move': 'the head turned the other way than asked.',
  'face-changed': 'the face in front of the camera changed during the check.',
};

/** What the person in front of the screen reads for each engine failure. */
export const engineErrorMessages: Record<EngineErrorCode, string> = {
  'invalid-request': 'Facegate sent itself a request it could not understand. Reload the page.',
  'not-ready': 'The face models are still loading. Try again in a moment.',
  aborted: 'Cancelled.',
  'model-missing': 'A face model could not be loaded. Check the connection and reload the page.',
  'model-integrity':
    'A face model failed its integrity check and was refused. It may have been altered; Facegate will not run it.',
  'model-invalid': 'A face model is damaged and cannot be used. Reload the page.',
  'no-backend': 'This browser cannot run the face models (no WebGPU, WebAssembly or WebGL).',
  'detector-failed': 'The face detector could not start in this browser (it needs WebGL).',
  'frame-invalid': 'That picture could not be read.',
  'backend-lost':
    'The graphics processor stopped responding (it may have been reset), so Facegate restarted its face engine. Nothing was saved from this capture; try again.',
  internal: 'Something went wrong inside Facegate. Reload the page and try again.',
};

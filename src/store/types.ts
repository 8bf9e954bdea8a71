import type { FarLevel } from '../shared/manifest';

/** Someone enrolled in this browser. Their template is stored apart, encrypted. */
export interface Person {
  /** A random UUID, made at enrolment. */
  readonly id: string;
  /** Trimmed, 1 to 64 characters, unique here regardless of case. */
  readonly name: string;
  /** ISO 8601 time of enrolment (of the first one; re-enrolment keeps it). */
  readonly createdAt: string;
  /** The embedder the template came from; other models' embeddings are not comparable. */
  readonly modelId: string;
  /** How many embeddings the template holds. */
  readonly embeddingCount: number;
}

/** What enrolment hands the store. */
export interface NewPerson {
  readonly name: string;
  readonly modelId: string;
  /** 1 to 50 embeddings of equal length (16 to 4096), every value finite. */
  readonly embeddings: readonly Float32Array[];
}

/** A person's template as read back: decrypted, ready for `makeTemplate`. */
export interface StoredTemplate {
  readonly personId: string;
  readonly modelId: string;
  readonly embeddings: Float32Array[];
}

/** operator-pin: a PIN typed to leave kiosk mode; its failures lock operator access. */
export const attemptKinds = ['verify', 'identify', 'operator-pin'] as const;
export const attemptResults = ['accepted', 'rejected', 'unknown'] as const;
export type AttemptKind = (typeof attemptKinds)[number];
export type AttemptResult = (typeof attemptResults)[number];

/**
 * One verification, identification or operator PIN entry, for the audit list. It never
 * holds an image, an embedding or a PIN: only who was claimed or found, the outcome and
 * the score.
 */
export interface Attempt {
  /** Increases with every attempt recorded in this browser. */
  readonly id: number;
  /** ISO 8601 time the attempt was recorded. */
  readonly time: string;
  /** The person claimed (verify) or found (identify); null when nobody was, and for a PIN. */
  readonly personId: string | null;
  readonly kind: AttemptKind;
  readonly result: AttemptResult;
  /** The similarity that decided the result; null when no face was compared. */
  readonly similarity: number | null;
}

/** What the caller tells the store about an attempt; the store adds id and time. */
export type NewAttempt = Omit<Attempt, 'id' | 'time'>;

export const detectorRanges = ['short', 'full'] as const;
export type DetectorRange = (typeof detectorRanges)[number];

export const kioskTasks = ['verify', 'identify'] as const;
export type KioskTask = (typeof kioskTasks)[number];

/** The operator PIN as stored: never the PIN, only what PBKDF2 makes of it. */
export interface OperatorPinHash {
  readonly algorithm: 'PBKDF2-SHA-256';
  readonly iterations: number;
  /** 16 random bytes, new each time a PIN is set. */
  readonly salt: Uint8Array;
  /** 32 bytes derived from the PIN and the salt. */
  readonly hash: Uint8Array;
}

/** The person's choices, kept between visits. */
export interface Settings {
  /** When the person agreed to their face being enrolled; null until they do. */
  readonly consent: { readonly given: true; readonly at: string } | null;
  /** The false-accept rate the thresholds are chosen for. */
  readonly securityLevel: FarLevel;
  /** short: a face within about 2 m; full: up to about 5 m. */
  readonly detectorRange: DetectorRange;
  /** The camera last chosen (a MediaDeviceInfo.deviceId); null for the default one. */
  readonly cameraId: string | null;
  /** Whether the app runs as an unattended kiosk; a reload keeps it one. */
  readonly kioskActive: boolean;
  /** What the kiosk offers: verification or identification, never both. */
  readonly kioskTask: KioskTask;
  /** Seconds without use after which the kiosk forgets the last person. */
  readonly kioskIdleSeconds: number;
  /** Guards leaving kiosk mode; null until the operator sets one. */
  readonly operatorPin: OperatorPinHash | null;
}

/** What a backup import needs to know about the model that runs here. */
export interface RunningModel {
  readonly modelId: string;
  readonly embeddingSize: number;
}

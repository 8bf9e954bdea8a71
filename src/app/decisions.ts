import { isAccepted } from '../biometrics/calibration';
import { identify, thresholdFor, verify, type Candidate } from '../biometrics/decision';
import type { ChallengeFailure, ChallengeState } from '../biometrics/liveness/challenge';
import { makeTemplate, templateSimilarity, type Template } from '../biometrics/templates';
import type { LivenessScores } from '../shared/engineApi';
import type { EmbedderEntry, FarLevel } from '../shared/manifest';
import type { FacegateStore, Person } from '../store';
import { verificationLockout } from './lockout';

/**
 * How long verification of `personId` stays locked from `now`, in milliseconds, or null
 * when it is open. Read from the stored attempts, so a reload does not lift a lockout.
 */
export async function verificationWait(
  store: FacegateStore,
  personId: string,
  now: number,
): Promise<number | null> {
  const lockout = verificationLockout(await store.listAttempts(), now, personId);
  return lockout.locked && lockout.until !== null ? lockout.until - now : null;
}

export type VerifyOutcome =
  | { kind: 'decided'; accepted: boolean; similarity: number; threshold: number }
  | { kind: 're-enrol'; person: Person }
  /** The liveness challenge failed for another reason than the face not matching. */
  | { kind: 'not-live'; reason: Exclude<ChallengeFailure, 'not-matching'> };

/** What the challenge keeps of each frame it uses. */
export interface FrameEvidence {
  embedding: Float32Array;
  /** The passive liveness models' scores: reported, not decided on. */
  livenessScores: LivenessScores | null;
}

/** A challenge that is over. */
export type FinishedChallenge = Exclude<ChallengeState<FrameEvidence>, { phase: 'running' }>;

/** What each frame of a verification is compared with. */
export interface Claim {
  person: Person;
  modelId: string;
  template: Template;
  threshold: number;
}

/**
 * The claimed person's template and the threshold of the security level, read once
 * before the camera starts, so that every frame of the challenge can be checked against
 * them. Null when the person was enrolled with another model and must enrol again.
 */
export async function loadClaim(
  store: FacegateStore,
  embedder: EmbedderEntry,
  person: Person,
  far: FarLevel,
): Promise<Claim | null> {
  const stored = await store.getTemplate(person.id);
  if (stored.modelId !== embedder.id) return null;
  return {
    person,
    modelId: embedder.id,
    template: makeTemplate(stored.modelId, stored.embeddings),
    threshold: thresholdFor(embedder.thresholds.similarityAtFar, far),
  };
}

/** Whether one frame's embedding is the claimed person, at the claim's threshold. */
export function matchesClaim(claim: Claim, embedding: Float32Array): boolean {
  return isAccepted(templateSimilarity(embedding, claim.template, claim.modelId), claim.threshold);
}

/**
 * Counts a challenge as a failed attempt the moment it starts. Otherwise leaving it
 * half-done (starting again, a reload, the kiosk's idle reset) would cost nothing, and
 * an attacker could redraw the order until it suits a prepared clip, never meeting the
 * lockout. A challenge that then passes records its success, which ends the run of
 * failures; one that fails is already counted.
 */
export async function beginChallenge(store: FacegateStore, person: Person): Promise<void> {
  await store.recordAttempt({
    personId: person.id,
    kind: 'verify',
    result: 'rejected',
    similarity: null,
  });
}

/**
 * The verdict on a finished challenge, begun with `beginChallenge`, which already
 * counted it as failed. A passed challenge is verified on the frames that did its
 * actions (each already matched), and an acceptance is recorded; a face that did not
 * match is rejected on that frame's similarity; any other failure is a rejection with
 * no similarity, since no face was judged to be someone else.
 */
export async function verifyChallenge(
  store: FacegateStore,
  embedder: EmbedderEntry,
  person: Person,
  challenge: FinishedChallenge,
  far: FarLevel,
): Promise<VerifyOutcome> {
  if (challenge.phase === 'passed') {
    return verifyPerson(
      store,
      embedder,
      person,
      challenge.used.map((e) => e.embedding),
      far,
    );
  }
  if (challenge.reason === 'not-matching') {
    return verifyPerson(store, embedder, person, [challenge.embedding.embedding], far);
  }
  return { kind: 'not-live', reason: challenge.reason };
}

/**
 * Verifies a challenge's frames against the claimed person. An acceptance is recorded
 * in the audit list (time, person, result, similarity: never an image or an
 * embedding); a rejection is not, since `beginChallenge` counted the attempt as failed.
 */
async function verifyPerson(
  store: FacegateStore,
  embedder: EmbedderEntry,
  person: Person,
  probes: readonly Float32Array[],
  far: FarLevel,
): Promise<VerifyOutcome> {
  const stored = await store.getTemplate(person.id);
  // A template made by another model is never compared: its numbers mean nothing here.
  if (stored.modelId !== embedder.id) return { kind: 're-enrol', person };
  const threshold = thresholdFor(embedder.thresholds.similarityAtFar, far);
  const template = makeTemplate(stored.modelId, stored.embeddings);
  const verdict = verify(probes, template, embedder.id, threshold);
  if (verdict.accepted) {
    await store.recordAttempt({
      personId: person.id,
      kind: 'verify',
      result: 'accepted',
      similarity: verdict.similarity,
    });
  }
  return { kind: 'decided', ...verdict };
}

export type IdentifyOutcome =
  | { kind: 'found'; person: Person; similarity: number; threshold: number }
  | { kind: 'unknown'; bestSimilarity: number | null; threshold: number; otherModel: number };

/** 1:N over everyone enrolled with this model, except `exceptPersonId`. */
async function search(
  store: FacegateStore,
  embedder: EmbedderEntry,
  probes: readonly Float32Array[],
  far: FarLevel,
  exceptPersonId?: string,
) {
  const threshold = thresholdFor(embedder.thresholds.similarityAtFar, far);
  const [people, templates] = await Promise.all([
    store.listPeople(),
    store.getAllTemplates(embedder.id),
  ]);
  const candidates: Candidate[] = templates
    .filter((t) => t.personId !== exceptPersonId)
    .map((t) => ({ personId: t.personId, template: makeTemplate(t.modelId, t.embeddings) }));
  const result = identify(probes, candidates, embedder.id, threshold);
  const person = result.personId ? people.find((p) => p.id === result.personId) : undefined;
  const otherModel = people.filter((p) => p.modelId !== embedder.id).length;
  return { result, person, threshold, otherModel };
}

/** Identifies the person in the frames, or says unknown, and records the attempt. */
export async function identifyPerson(
  store: FacegateStore,
  embedder: EmbedderEntry,
  probes: readonly Float32Array[],
  far: FarLevel,
): Promise<IdentifyOutcome> {
  const { result, person, threshold, otherModel } = await search(store, embedder, probes, far);
  const similarity = result.personId !== null ? result.similarity : result.bestSimilarity;
  await store.recordAttempt({
    personId: person?.id ?? null,
    kind: 'identify',
    result: person ? 'accepted' : 'unknown',
    similarity,
  });
  if (person && result.personId !== null) {
    return { kind: 'found', person, similarity: result.similarity, threshold };
  }
  return { kind: 'unknown', bestSimilarity: similarity, threshold, otherModel };
}

/** Someone already enrolled whom these enrolment frames match, if anyone. */
export async function existingMatch(
  store: FacegateStore,
  embedder: EmbedderEntry,
  embeddings: readonly Float32Array[],
  far: FarLevel,
  exceptPersonId?: string,
): Promise<Person | null> {
  const { person } = await search(store, embedder, embeddings, far, exceptPersonId);
  return person ?? null;
}

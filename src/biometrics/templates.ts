import { fuseEmbeddings } from './fusion';
import { cosineSimilarity, l2Normalize } from './similarity';

/**
 * What enrolment keeps of a person: the embeddings of the enrolment frames and their
 * mean direction, tied to the model that produced them. Build one with `makeTemplate`,
 * also when loading a stored template, so the mean is always the mean of these
 * embeddings.
 */
export interface Template {
  /** The embedder the embeddings came from; other models' embeddings are not comparable. */
  readonly modelId: string;
  /** The enrolment embeddings, each scaled to unit length. */
  readonly embeddings: readonly Float32Array[];
  /** The mean of `embeddings`, scaled to unit length. */
  readonly mean: Float32Array;
}

/**
 * A template compared with an embedding of another model. Two embedders place faces in
 * unrelated spaces, so their cosine means nothing and must never reach a verdict; the
 * person has to be enrolled again with the current model.
 */
export class ModelMismatchError extends Error {
  override readonly name = 'ModelMismatchError';
  readonly code = 'model-mismatch';
  constructor(
    /** The model of the probe embedding. */
    readonly probeModelId: string,
    /** The model the template was enrolled with. */
    readonly templateModelId: string,
  ) {
    super(`template enrolled with model ${templateModelId}, probe embedded with ${probeModelId}`);
  }
}

/**
 * A template from the embeddings of one person's enrolment frames. The embeddings are
 * copied and scaled to unit length; the caller's arrays are not kept.
 *
 * @throws RangeError when the model id is empty, when there are no embeddings, when
 * their lengths differ, when one is zero or non-finite, or when they cancel out.
 */
export function makeTemplate(modelId: string, embeddings: readonly ArrayLike<number>[]): Template {
  if (modelId === '') throw new RangeError('a template needs the id of its model');
  const mean = fuseEmbeddings(embeddings);
  return { modelId, embeddings: embeddings.map((e) => l2Normalize(e)), mean };
}

/**
 * Cosine similarity of a probe embedding with a template, in [-1, 1].
 *
 * The probe is compared with the template's mean rather than with each enrolment frame:
 * every frame carries some pose, light and expression of its own, and averaging the
 * frames cancels much of that while the identity, common to all of them, remains.
 *
 * @throws ModelMismatchError when `probeModelId` is not the template's model.
 * @throws RangeError when the probe's length differs from the template's or the probe
 * is zero or non-finite.
 */
export function templateSimilarity(
  probe: ArrayLike<number>,
  template: Template,
  probeModelId: string,
): number {
  if (probeModelId !== template.modelId) {
    throw new ModelMismatchError(probeModelId, template.modelId);
  }
  return cosineSimilarity(probe, template.mean);
}

/** Why a picked file cannot be used; each has one plain sentence for the person. */
export type InputErrorCode =
  | 'empty'
  | 'too-large-file'
  | 'unsupported-type'
  | 'too-many-pixels'
  | 'too-small'
  | 'decode-failed'
  | 'video-unplayable';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string = inputErrorMessages[code],
  ) {
    super(message);
  }
}

export const inputErrorMessages: Record<InputErrorCode, string> = {
  empty: 'That file is empty.',
  'too-large-file': 'That file is too large. Pick a photo under 25 MB or a video under 200 MB.',
  'unsupported-type':
    'That file is not a photo or video Facegate can read. Use a JPEG, PNG or WebP photo, or an MP4 or WebM video.',
  'too-many-pixels': 'That picture is too large (over 50 megapixels). Use a smaller photo.',
  'too-small': 'That picture is too small to show a face (under 64 pixels on a side).',
  'decode-failed': 'That picture is damaged or incomplete and could not be read.',
  'video-unplayable':
    'That video could not be played: it may be damaged, incomplete or in a format this browser does not play.',
};

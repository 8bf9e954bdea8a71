import { useState } from 'react';
import { readMediaFile } from '../../input/mediaFile';
import { InputError, inputErrorMessages } from '../../input/inputErrors';
import type { CaptureSource } from './Capture';

/** Camera by default; or a photo or video file, checked before it is decoded. */
export function SourcePicker({
  cameraId,
  onSource,
}: {
  cameraId: string | undefined;
  onSource: (source: CaptureSource) => void;
}) {
  const [error, setError] = useState<string | null>(null);

  async function onFile(file: File | undefined) {
    setError(null);
    if (!file) return;
    try {
      const media = await readMediaFile(file);
      onSource(media.kind === 'photo' ? media : { kind: 'video', file: media.file });
    } catch (e) {
      setError(e instanceof InputError ? e.message : inputErrorMessages['decode-failed']);
    }
  }

  return (
    <div className="stack">
      <button
        type="button"
        className="primary"
        onClick={() => onSource({ kind: 'camera', deviceId: cameraId })}
      >
        Use the camera
      </button>
      <label>
        Or use a photo or video file{' '}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,video/mp4,video/webm"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {error && (
        <p role="alert" className="error" data-testid="file-error">
          {error}
        </p>
      )}
    </div>
  );
}

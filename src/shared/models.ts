import manifestJson from '../../models/manifest.json';
import { parseManifest, type EmbedderEntry } from './manifest';

/** The model manifest as bundled with the app (the same one the worker pins against). */
export const modelManifest = parseManifest(manifestJson);

export function embedderEntry(id: string): EmbedderEntry | undefined {
  return modelManifest.embedders.find((e) => e.id === id);
}

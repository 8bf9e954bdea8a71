import type { ModelManifest } from '../shared/manifest';

/** Every file the engine fetches at run time, relative to the site root. */
export function engineAssetPaths(manifest: ModelManifest): string[] {
  return [
    ...manifest.runtime.map((f) => f.path),
    ...manifest.detectors.map((d) => d.file.path),
    ...manifest.embedders.flatMap((e) => e.files.map((f) => f.path)),
    ...manifest.passiveLiveness.flatMap((e) => e.files.map((f) => f.path)),
  ];
}

/**
 * The engine files a precache list leaves out. Offline, any one of them stops the engine,
 * so the build refuses a service worker that misses one (Workbox drops large files
 * silently unless told otherwise).
 */
export function missingFromPrecache(precachedUrls: string[], required: string[]): string[] {
  const precached = new Set(precachedUrls.map((url) => url.replace(/^\.?\//, '')));
  return required.filter((path) => !precached.has(path.replace(/^\.?\//, '')));
}

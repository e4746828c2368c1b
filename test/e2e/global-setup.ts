/**
 * Builds what the end-to-end files serve, once for all of them and side by
 * side: the browser build of the app and the trainer worker harness page.
 * Vitest runs this only when an e2e file is among the tests to run.
 */
import type { TestProject } from 'vitest/node';
import { buildWeb } from './harness';
import { buildWorkerHarness } from './training-harness/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    /** True once the builds are in place: the files serve them without building again. */
    e2eBuilt: boolean;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  await Promise.all([buildWeb(), buildWorkerHarness()]);
  project.provide('e2eBuilt', true);
}

/**
 * The UI while it trains 784-30-10 on the digits (the digits lesson with its
 * own recipe, 30 epochs), in Debian's Chromium on the browser build. For
 * each view under the canvas, a fresh page trains once while the page
 * records every main-thread task over 50 ms, every progress update that
 * reaches the progress bar and every redraw of the training chart. Targets:
 * no task over 50 ms, at least 5 progress updates a second; the test
 * accuracy after the first epoch (from the chart's CSV) is reported too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Harness } from '../../test/e2e/harness';
import { startMeasuring, stopMeasuring, type Responsiveness } from '../../test/e2e/responsiveness';

/** The views a student looks at while training runs. */
export const VIEWS = ['training', 'speed', 'digits', 'confusion', 'output'] as const;
export type View = (typeof VIEWS)[number];

export interface TrainingRun extends Responsiveness {
  view: View;
  epochs: number;
  /** From the chart's CSV (training view only). */
  firstEpochAccuracy?: number;
  medianEpochMs?: number;
}

async function openDigits(page: Page, view: View): Promise<void> {
  await page.getByTestId('tool-lessons').click();
  await page.getByTestId('lesson-digits').click();
  await page.getByTestId('lesson-panel').waitFor();
  await page.getByTestId('side-training').click();
  await page.getByTestId(`tab-${view}`).click();
  // The dataset preview and the test set load once; the views draw their first (empty) frame.
  await page.getByTestId('fit-check').waitFor();
  await page.waitForTimeout(1500);
}

async function epochCsv(page: Page): Promise<{ accuracy: number; epochMs: number[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('training-chart').getByRole('button', { name: 'CSV' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split(/\r\n/);
  const head = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (name: string): number => head.indexOf(name);
  return { accuracy: Number(rows[0][col('test_accuracy')]), epochMs: rows.map((r) => Number(r[col('epoch_ms')])) };
}

export async function trainOnce(harness: Harness, view: View): Promise<TrainingRun> {
  const { context, page } = await harness.open();
  try {
    await openDigits(page, view);
    await startMeasuring(page);
    await page.getByTestId('cmd-train').click();
    await page.locator('[data-testid="training-status"][data-status="done"]').waitFor({ timeout: 180_000 });
    const measured = await stopMeasuring(page);
    const text = (await page.getByTestId('progress-text').textContent()) ?? '';
    const epochs = Number(/epoch (\d+) of/.exec(text)?.[1] ?? 0);
    const run: TrainingRun = { view, epochs, ...measured };
    if (view === 'training') {
      const csv = await epochCsv(page);
      run.firstEpochAccuracy = csv.accuracy;
      run.medianEpochMs = [...csv.epochMs].sort((a, b) => a - b)[csv.epochMs.length >> 1];
    }
    return run;
  } finally {
    await context.close();
  }
}

export async function benchTraining(harness: Harness, repeats = 2): Promise<Record<string, unknown>> {
  const runs: TrainingRun[] = [];
  for (let r = 0; r < repeats; r++) for (const view of VIEWS) runs.push(await trainOnce(harness, view));
  const tasks = runs.flatMap((r) => r.longTasks.map(([, d]) => d));
  return {
    network: '784-30-10, digits lesson (network2.py recipe), 8,000 training and 2,000 test digits',
    targets: { maxTaskMs: 50, progressPerSecond: 5 },
    summary: {
      runs: runs.length,
      longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
      tasksOver50ms: tasks.length,
      runsWithATaskOver50ms: runs.filter((r) => r.longTasks.length > 0).length,
      slowestProgressPerSecond: Math.min(...runs.map((r) => r.progressPerSecond)),
      chartRedrawsPerSecond: runs.filter((r) => r.view === 'training').map((r) => r.chartPerSecond),
      firstEpochAccuracy: runs.flatMap((r) => (r.firstEpochAccuracy !== undefined ? [r.firstEpochAccuracy] : [])),
      medianEpochMs: runs.flatMap((r) => (r.medianEpochMs !== undefined ? [r.medianEpochMs] : [])),
    },
    runs,
  };
}

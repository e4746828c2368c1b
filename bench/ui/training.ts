/**
 * The UI while it trains 784-30-10 on the digits (the digits lesson with its
 * own recipe, 30 epochs), in Debian's Chromium on the browser build. For
 * each view under the canvas, a fresh page trains once while the page
 * records every main-thread task over 50 ms, every progress update that
 * reaches the progress bar and every redraw of the training chart. Targets:
 * no task over 50 ms, at least 5 progress updates a second; the test
 * accuracy after the first epoch (from the chart's CSV) is reported too,
 * and the machine's load beside each run: a task's time is wall time, which
 * other work on the machine stretches. NEUROLOOM_BENCH_CPU=1 adds the CPU
 * time of each run's longest task, which it does not.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { Harness } from '../../test/e2e/harness';
import { startCpuTrace, startMeasuring, stopCpuTrace, stopMeasuring, type MainThreadCpu, type Responsiveness } from '../../test/e2e/responsiveness';

/** NEUROLOOM_BENCH_CPU=1 also traces each run for the main thread's CPU time per task (test/e2e/responsiveness.ts). */
const TRACE_CPU = process.env.NEUROLOOM_BENCH_CPU === '1';

/** The views a student looks at while training runs. */
export const VIEWS = ['training', 'speed', 'digits', 'confusion', 'output'] as const;
export type View = (typeof VIEWS)[number];

export interface TrainingRun extends Responsiveness {
  view: View;
  epochs: number;
  /** The machine's 1-minute load average as the run started and ended (2 cores: above 2, other work competes with the page). */
  loadBefore: number;
  loadAfter: number;
  /** With NEUROLOOM_BENCH_CPU=1: the page's own work in its longest task, whatever else the machine runs. */
  cpu?: MainThreadCpu;
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

const round = (v: number): number => Math.round(v * 100) / 100;

export async function trainOnce(harness: Harness, view: View): Promise<TrainingRun> {
  const { context, page } = await harness.open();
  try {
    await openDigits(page, view);
    const loadBefore = round(loadavg()[0]);
    if (TRACE_CPU) await startCpuTrace(harness.browser, page);
    await startMeasuring(page);
    await page.getByTestId('cmd-train').click();
    await page.locator('[data-testid="training-status"][data-status="done"]').waitFor({ timeout: 180_000 });
    const measured = await stopMeasuring(page);
    const cpu = TRACE_CPU ? await stopCpuTrace(harness.browser) : undefined;
    const text = (await page.getByTestId('progress-text').textContent()) ?? '';
    const epochs = Number(/epoch (\d+) of/.exec(text)?.[1] ?? 0);
    const run: TrainingRun = { view, epochs, loadBefore, loadAfter: round(loadavg()[0]), ...measured, ...(cpu ? { cpu } : {}) };
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
  for (let r = 0; r < repeats; r++)
    for (const view of VIEWS) {
      const run = await trainOnce(harness, view);
      runs.push(run);
      const longest = Math.max(0, ...run.longTasks.map(([, d]) => d));
      console.log(
        `training, ${view} view: longest task ${longest > 0 ? `${longest} ms` : 'none over 50 ms'}, ${run.progressPerSecond} progress updates/s, load ${run.loadBefore} -> ${run.loadAfter}` +
          (run.cpu ? `; longest task's own CPU time ${run.cpu.longestTaskCpuMs} ms (wall ${run.cpu.longestTaskWallMs} ms)` : ''),
      );
    }
  const tasks = runs.flatMap((r) => r.longTasks.map(([, d]) => d));
  return {
    network: '784-30-10, digits lesson (network2.py recipe), 8,000 training and 2,000 test digits',
    targets: { maxTaskMs: 50, progressPerSecond: 5 },
    summary: {
      runs: runs.length,
      longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
      ...(TRACE_CPU ? { longestTaskCpuMs: Math.max(...runs.map((r) => r.cpu?.longestTaskCpuMs ?? 0)) } : {}),
      tasksOver50ms: tasks.length,
      runsWithATaskOver50ms: runs.filter((r) => r.longTasks.length > 0).length,
      slowestProgressPerSecond: Math.min(...runs.map((r) => r.progressPerSecond)),
      chartRedrawsPerSecond: runs.filter((r) => r.view === 'training').map((r) => r.chartPerSecond),
      firstEpochAccuracy: runs.flatMap((r) => (r.firstEpochAccuracy !== undefined ? [r.firstEpochAccuracy] : [])),
      medianEpochMs: runs.flatMap((r) => (r.medianEpochMs !== undefined ? [r.medianEpochMs] : [])),
    },
    // One line per run: the longest main-thread task (0: none over 50 ms), progress updates a second, the load.
    perRun: runs.map((r) => ({
      view: r.view,
      maxTaskMs: Math.max(0, ...r.longTasks.map(([, d]) => d)),
      progressPerSecond: r.progressPerSecond,
      chartPerSecond: r.chartPerSecond,
      load: [r.loadBefore, r.loadAfter],
      ...(r.cpu ? { longestTaskCpuMs: r.cpu.longestTaskCpuMs } : {}),
    })),
    runs,
  };
}

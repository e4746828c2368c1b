/**
 * How responsive the page stays while it trains, measured in the page:
 * every main-thread task over 50 ms (PerformanceObserver, "longtask"), every
 * progress update that reaches the progress bar, and every redraw of the
 * training chart's lines. Used by the e2e tests and `npm run bench:ui`.
 * The page's CSP forbids eval, so the code goes in as strings through the
 * debugger protocol (which the CSP does not govern).
 *
 * A task's time is wall time: on a busy 2-core machine most of a long task
 * can be the main thread waiting for a core. A Chromium trace gives each
 * task's CPU time too ("thread duration"), the page's own work, which other
 * work on the machine does not stretch (startCpuTrace / stopCpuTrace).
 */
import type { Browser, Page } from 'playwright-core';

export interface Responsiveness {
  /** Milliseconds from the start of the measurement to its end. */
  durationMs: number;
  /** Tasks over 50 ms: [start ms from the measurement's start, duration ms]. */
  longTasks: [number, number][];
  /** Updates of the progress bar, their rate while the bar moved, and the longest wait between two. */
  progressUpdates: number;
  progressPerSecond: number;
  longestProgressGapMs: number;
  /** Redraws of the training chart's lines, and their rate while they changed. */
  chartRedraws: number;
  chartPerSecond: number;
}

const START = `(() => {
  const m = { t0: performance.now(), long: [], progress: [], chart: [] };
  window.__responsiveness = m;
  m.longObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) m.long.push([e.startTime - m.t0, e.duration]); });
  m.longObserver.observe({ type: 'longtask' });
  const bar = document.querySelector('[role="progressbar"][aria-label="Training progress"]');
  m.barObserver = new MutationObserver(() => m.progress.push(performance.now() - m.t0));
  if (bar) m.barObserver.observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] });
  const chart = document.querySelector('[data-testid="training-chart"]');
  const inLine = (n) => n instanceof Element && (n.closest('.recharts-line') !== null || n.querySelector('.recharts-line') !== null);
  m.chartObserver = new MutationObserver((records) => {
    if (records.some((r) => inLine(r.target) || [...r.addedNodes].some(inLine))) m.chart.push(performance.now() - m.t0);
  });
  if (chart) m.chartObserver.observe(chart, { subtree: true, childList: true, attributes: true, attributeFilter: ['d'] });
})()`;

const STOP = `(() => {
  const m = window.__responsiveness;
  m.longObserver.disconnect(); m.barObserver.disconnect(); m.chartObserver.disconnect();
  return { durationMs: performance.now() - m.t0, long: m.long, progress: m.progress, chart: m.chart };
})()`;

/** Updates per second between the first and the last update. */
function rate(times: readonly number[]): number {
  if (times.length < 2) return 0;
  return ((times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
}

/** Starts measuring: the progress bar (and the chart, when shown) must be on screen. */
export async function startMeasuring(page: Page): Promise<void> {
  await page.evaluate(START);
}

export async function stopMeasuring(page: Page): Promise<Responsiveness> {
  const raw = (await page.evaluate(STOP)) as { durationMs: number; long: [number, number][]; progress: number[]; chart: number[] };
  const gaps = raw.progress.slice(1).map((t, i) => t - raw.progress[i]);
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    durationMs: round(raw.durationMs),
    longTasks: raw.long.map(([s, d]) => [round(s), round(d)]),
    progressUpdates: raw.progress.length,
    progressPerSecond: round(rate(raw.progress)),
    longestProgressGapMs: round(gaps.length > 0 ? Math.max(...gaps) : 0),
    chartRedraws: raw.chart.length,
    chartPerSecond: round(rate(raw.chart)),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadCpu {
  /** The longest task's CPU time and its wall time, ms. */
  longestTaskCpuMs: number;
  longestTaskWallMs: number;
  /** Tasks whose CPU time alone passed 50 ms. */
  tasksOver50msCpu: number;
  /** The three longest by CPU time: [start ms from the start of the trace, CPU ms, wall ms]. */
  top: [number, number, number][];
}

const MARK = 'neuroloom:cpu-trace';

/** Starts a trace of the page's main thread (one trace at a time per browser). */
export async function startCpuTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  // Names the page's main thread in the trace (a string: the CSP forbids eval, not the debugger protocol).
  await page.evaluate(`performance.mark('${MARK}')`);
}

/** Ends the trace: the page's longest task by CPU time. */
export async function stopCpuTrace(browser: Browser): Promise<MainThreadCpu> {
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  const mark = events.find((e) => e.name === MARK);
  if (!mark) throw new Error('the trace has no mark from the page: cannot tell its main thread');
  const tasks = events.filter((e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.name === 'ThreadControllerImpl::RunTask');
  const round = (v: number): number => Math.round(v / 100) / 10;
  const byCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
  const longest = byCpu[0];
  return {
    longestTaskCpuMs: round(longest?.tdur ?? 0),
    longestTaskWallMs: round(longest?.dur ?? 0),
    tasksOver50msCpu: tasks.filter((e) => (e.tdur ?? 0) > 50_000).length,
    top: byCpu.slice(0, 3).map((e) => [round(e.ts - mark.ts), round(e.tdur ?? 0), round(e.dur ?? 0)]),
  };
}

/** Small hooks the training views share. */
import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../engine/datasets/dataset';
import type { DatasetChoice } from '../../engine/project';
import { useTraining } from './context';
import { loadForViews } from './data/renderer-datasets';

/** `value`, changing at most once per `ms` (the latest value always arrives in the end). */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

export type TestSet = { data: Dataset; message: null } | { data: null; message: string };

/**
 * The test set of the current run (or of the chosen dataset before any run):
 * the same examples, split with the same seed, as the trainer evaluates.
 */
export function useTestSet(): TestSet {
  const choice = useTraining((s): DatasetChoice | null => s.runs.find((r) => r.id === s.currentRunId)?.dataset ?? s.settings.dataset);
  const seed = useTraining((s) => s.runs.find((r) => r.id === s.currentRunId)?.seed ?? s.settings.seed);
  const [state, setState] = useState<TestSet>({ data: null, message: 'Loading the test set…' });
  useEffect(() => {
    if (!choice) {
      setState({ data: null, message: 'Choose a dataset in the training panel.' });
      return;
    }
    let live = true;
    setState({ data: null, message: 'Loading the test set…' });
    loadForViews(choice, seed).then(
      (split) => {
        if (!live) return;
        if (!split) setState({ data: null, message: 'This data file is read by the trainer only; its examples cannot be shown here.' });
        else if (split.train.task !== 'classification') setState({ data: null, message: 'These views are for classifiers; this dataset is a regression task.' });
        else setState({ data: split.test ?? split.train, message: null });
      },
      (e: unknown) => live && setState({ data: null, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [choice, seed]);
  return state;
}

/** The canvas's backing store at the screen's pixel density, so digits stay sharp on a projector. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Draws a greyscale image (values in [0, 1], white ink on black as MNIST shows it) at (x, y), size w x h. */
export function drawImage(ctx: CanvasRenderingContext2D, pixels: ArrayLike<number>, width: number, height: number, x: number, y: number, w: number, h: number): void {
  const img = new ImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const g = Math.round(255 * Math.max(0, Math.min(1, pixels[i])));
    img.data[4 * i] = g;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = g;
    img.data[4 * i + 3] = 255;
  }
  const tile = document.createElement('canvas');
  tile.width = width;
  tile.height = height;
  tile.getContext('2d')?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, x, y, w, h);
}

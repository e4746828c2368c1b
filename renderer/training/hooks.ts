/** Small hooks the training views share. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../../engine/datasets/dataset';
import type { NetworkDocument } from '../../engine/document';
import type { DatasetChoice } from '../../engine/project';
import { useTraining, useTrainingStore } from './context';
import type { TrainingState } from './store';
import { loadForViews } from './data/renderer-datasets';
import { checkFit, structureKey, type DataShape, type FitReport } from './fit';

/** checkFit, again only when the network's structure or the data's shape changes (not on every new weight). */
export function useFit(network: NetworkDocument, shape: DataShape | null): FitReport {
  const key = structureKey(network);
  const shapeKey = shape ? `${shape.inputSize}:${shape.outputSize}:${shape.task}:${shape.targets ?? ''}` : '';
  // The network of the latest structure change stands for all documents with its key.
  return useMemo(() => checkFit(network, shape), [key, shapeKey]);
}

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

/**
 * A value of the training store that renders at most once per `ms`: the
 * component is not even rendered for the changes in between (a chart
 * redraw costs tens of milliseconds; a fast run ends an epoch every few).
 */
export function useThrottledTraining<T>(selector: (s: TrainingState) => T, ms: number): T {
  const store = useTrainingStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  const select = useRef(selector);
  useEffect(() => {
    select.current = selector;
  });
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = (): void => {
      timer = null;
      last = performance.now();
      setValue(() => select.current(store.getState()));
    };
    update();
    const unsubscribe = store.subscribe(() => {
      if (timer) return;
      // Always a task of its own: never on top of the work of the message that changed the store
      // (the progress bar, the weights onto the canvas).
      timer = setTimeout(update, Math.max(0, last + ms - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, ms]);
  return value;
}

/**
 * `value`, `ms` later. Two charts fed the same data each redraw in a task
 * (and an animation frame: Recharts finishes a redraw in one) of their own
 * when the second takes its data a little later.
 */
export function useStaggered<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setShown(() => value), ms);
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

/**
 * A look at a dataset before training on it: the function's plot (1-D) or
 * heatmap (2-D), the toy set's scatter, a grid of sample images, or the
 * first rows of a file.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import { catalogEntry } from '../../../engine/datasets/catalog';
import type { Dataset } from '../../../engine/datasets/dataset';
import { functionSpec, type FunctionSpec } from '../../../engine/datasets/functions';
import type { DatasetChoice } from '../../../engine/project';
import { loadForViews, sampleImages } from '../data/renderer-datasets';
import { formatMetric } from '../format';
import { drawImage, sizeCanvas } from '../hooks';
import { runColor } from '../transforms';

const HEIGHT = 200;

function FunctionPlot({ spec }: { spec: FunctionSpec }) {
  const [lo, hi] = spec.domain[0];
  const rows = useMemo(() => Array.from({ length: 301 }, (_, i) => ({ x: lo + ((hi - lo) * i) / 300, y: spec.f(lo + ((hi - lo) * i) / 300) })), [spec, lo, hi]);
  return (
    <LineChart responsive style={{ width: '100%', height: HEIGHT }} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" domain={[lo, hi]} tickFormatter={(v: number) => formatMetric(v)} />
      <YAxis width="auto" tickFormatter={(v: number) => formatMetric(v)} />
      <Line dataKey="y" stroke={runColor(0)} strokeWidth={2.5} dot={false} isAnimationActive={false} name="f(x)" />
    </LineChart>
  );
}

/** Viridis-like ramp, dark (low) to yellow (high): readable on a projector and in grey. */
function ramp(t: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const c = stops[i].map((v, k) => Math.round(v + f * (stops[i + 1][k] - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function FunctionHeatmap({ spec }: { spec: FunctionSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ctx = sizeCanvas(c, HEIGHT, HEIGHT);
    if (!ctx) return;
    const n = 64;
    const [[x0, x1], [y0, y1]] = spec.domain;
    const values: number[] = [];
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values.push(spec.f(x0 + ((x1 - x0) * (i + 0.5)) / n, y1 - ((y1 - y0) * (j + 0.5)) / n));
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const cell = HEIGHT / n;
    values.forEach((v, k) => {
      ctx.fillStyle = ramp(hi > lo ? (v - lo) / (hi - lo) : 0.5);
      ctx.fillRect((k % n) * cell, Math.floor(k / n) * cell, cell + 0.5, cell + 0.5);
    });
  }, [spec]);
  const [[x0, x1], [y0, y1]] = spec.domain;
  return (
    <figure className="nl-tr-figure">
      <canvas ref={canvas} data-export className="nl-tr-canvas" role="img" aria-label={`Heatmap of ${spec.label}`} />
      <figcaption className="nl-tr-caption">
        x from {x0} to {x1} (left to right), y from {y0} to {y1} (bottom to top); dark low, yellow high
      </figcaption>
    </figure>
  );
}

function PointScatter({ data }: { data: Dataset }) {
  const classes = useMemo(() => {
    const a: { x: number; y: number }[] = [];
    const b: { x: number; y: number }[] = [];
    for (let i = 0; i < Math.min(data.count, 1000); i++) {
      const p = { x: data.x[2 * i], y: data.x[2 * i + 1] };
      (data.y[i * data.outputSize] > 0.5 ? b : a).push(p);
    }
    return [a, b];
  }, [data]);
  return (
    <ScatterChart responsive style={{ width: '100%', maxWidth: 320, height: HEIGHT + 40 }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" name="x" tickFormatter={(v: number) => formatMetric(v)} />
      <YAxis dataKey="y" type="number" name="y" width="auto" tickFormatter={(v: number) => formatMetric(v)} />
      <ZAxis range={[16, 16]} />
      <Scatter data={classes[0]} fill={runColor(0)} name="class 0" isAnimationActive={false} />
      <Scatter data={classes[1]} fill={runColor(1)} name="class 1" isAnimationActive={false} />
    </ScatterChart>
  );
}

function XYScatter({ data }: { data: Dataset }) {
  const points = useMemo(() => Array.from({ length: Math.min(data.count, 1000) }, (_, i) => ({ x: data.x[i], y: data.y[i] })), [data]);
  return (
    <ScatterChart responsive style={{ width: '100%', height: HEIGHT }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" type="number" tickFormatter={(v: number) => formatMetric(v)} />
      <YAxis dataKey="y" type="number" width="auto" tickFormatter={(v: number) => formatMetric(v)} />
      <ZAxis range={[12, 12]} />
      <Scatter data={points} fill={runColor(0)} isAnimationActive={false} />
    </ScatterChart>
  );
}

export function ImageGrid({ data, perClass = 4, size = 40 }: { data: Dataset; perClass?: number; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const picks = useMemo(() => sampleImages(data, perClass), [data, perClass]);
  const columns = Math.max(1, Math.min(data.outputSize, 10));
  useEffect(() => {
    const c = canvas.current;
    const img = data.image;
    if (!c || !img) return;
    const rows = Math.ceil(picks.length / columns);
    const ctx = sizeCanvas(c, columns * (size + 2), rows * (size + 2));
    if (!ctx) return;
    picks.forEach((index, k) => {
      drawImage(ctx, data.x.subarray(index * data.inputSize, (index + 1) * data.inputSize), img.width, img.height, (k % columns) * (size + 2), Math.floor(k / columns) * (size + 2), size, size);
    });
  }, [data, picks, columns, size]);
  return <canvas ref={canvas} data-export className="nl-tr-canvas" role="img" aria-label={`Sample images of ${data.name}, one column per class`} data-testid="sample-digits" />;
}

function FirstRows({ data }: { data: Dataset }) {
  const cols = Math.min(data.inputSize, 8);
  return (
    <div className="nl-tr-table-wrap">
      <table className="nl-tr-table is-compact">
        <thead>
          <tr>
            {Array.from({ length: cols }, (_, c) => (
              <th key={c}>x{c + 1}</th>
            ))}
            {data.inputSize > cols && <th>…</th>}
            <th>{data.task === 'classification' ? 'class' : 'target'}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.min(5, data.count) }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: cols }, (_, c) => (
                <td key={c}>{formatMetric(data.x[r * data.inputSize + c])}</td>
              ))}
              {data.inputSize > cols && <td>…</td>}
              <td>{data.labels ? (data.classNames?.[data.labels[r]] ?? data.labels[r]) : formatMetric(data.y[r * data.outputSize])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Which preview suits a loaded dataset. */
function LoadedPreview({ data }: { data: Dataset }) {
  if (data.image) return <ImageGrid data={data} />;
  if (data.inputSize === 2 && data.task === 'classification' && data.outputSize === 1) return <PointScatter data={data} />;
  if (data.inputSize === 1 && data.outputSize === 1) return <XYScatter data={data} />;
  return <FirstRows data={data} />;
}

export const DatasetPreview = memo(function DatasetPreview({ choice, seed }: { choice: DatasetChoice; seed: number }) {
  const spec = choice.source === 'builtin' ? functionSpec(choice.name) : undefined;
  const [loaded, setLoaded] = useState<{ data: Dataset | null; message: string | null }>({ data: null, message: null });
  useEffect(() => {
    if (spec) return;
    let live = true;
    setLoaded({ data: null, message: choice.source === 'builtin' && choice.name === 'digits' ? 'Loading the digits…' : null });
    loadForViews(choice, seed).then(
      (split) => live && setLoaded(split ? { data: split.train, message: null } : { data: null, message: 'The trainer reads this file when training starts.' }),
      (e: unknown) => live && setLoaded({ data: null, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [choice, seed, spec]);

  if (spec) return spec.domain.length === 1 ? <FunctionPlot spec={spec} /> : <FunctionHeatmap spec={spec} />;
  if (loaded.message) return <p className="nl-tr-empty">{loaded.message}</p>;
  if (!loaded.data) return null;
  const entry = choice.source === 'builtin' ? catalogEntry(choice.name) : undefined;
  return (
    <div data-testid="dataset-preview" data-kind={entry?.kind ?? 'file'}>
      <LoadedPreview data={loaded.data} />
    </div>
  );
});

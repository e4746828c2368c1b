/**
 * The surface view of a network with two (or more) inputs: a heatmap of the
 * output over (x, y), with the target beside it when the project has one.
 * Inputs after the first two keep their probe values, so an m-input network
 * shows a slice. Click the map to move the probe point.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { functionSpec } from '../../engine/datasets/functions';
import type { Plan } from '../../engine/compile';
import { viridis } from '../app/colours';
import { fmt } from '../app/format';
import { compiled, inputVector } from '../graph/probe';
import { useDoc, useRuntime, useRuntimeStore } from '../store/context';
import { meanDeviation, resultSize, sampleSurface, sampleTargetSurface, type Surface } from './sampling';
import { ticks } from './ticks';
import { useSize } from './use-size';
import { useViewState } from './use-view-state';
import { isRecurrentNetwork } from '../../engine/recurrent/network';
import { SequenceNote } from './recurrent/SequenceNote';

/** Cells per side: as many as keep one redraw to a few million multiply-adds. */
export function surfaceResolution(plan: Plan): number {
  const work = Math.max(1, plan.params.length + plan.totalUnits);
  return Math.max(24, Math.min(128, Math.floor(Math.sqrt(4_000_000 / work))));
}

const M = { left: 44, bottom: 30, top: 8, right: 8 };

const Heatmap = memo(function Heatmap({
  surface,
  size,
  lo,
  hi,
  xRange,
  yRange,
  point,
  onPick,
  title,
  testId,
}: {
  surface: Surface;
  size: number;
  lo: number;
  hi: number;
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  point: [number, number] | null;
  onPick?(x: number, y: number): void;
  title: string;
  testId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(surface.nx, surface.ny);
    const span = hi - lo || 1;
    for (let i = 0; i < surface.values.length; i++) {
      const [r, g, b] = viridis((surface.values[i] - lo) / span);
      img.data[4 * i] = r;
      img.data[4 * i + 1] = g;
      img.data[4 * i + 2] = b;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [surface, lo, hi]);
  const px = (x: number): number => ((x - xRange[0]) / (xRange[1] - xRange[0])) * size;
  const py = (y: number): number => size - ((y - yRange[0]) / (yRange[1] - yRange[0])) * size;
  const xt = ticks(xRange[0], xRange[1], 4);
  const yt = ticks(yRange[0], yRange[1], 4);
  return (
    <div className="nl-heatmap" style={{ width: size + M.left + M.right, height: size + M.top + M.bottom }} data-testid={testId}>
      <canvas
        ref={ref}
        width={surface.nx}
        height={surface.ny}
        role="img"
        aria-label={title}
        style={{ left: M.left, top: M.top, width: size, height: size }}
        onPointerDown={(e) => {
          if (!onPick) return;
          const r = e.currentTarget.getBoundingClientRect();
          onPick(xRange[0] + ((e.clientX - r.left) / r.width) * (xRange[1] - xRange[0]), yRange[1] - ((e.clientY - r.top) / r.height) * (yRange[1] - yRange[0]));
        }}
      />
      <svg width={size + M.left + M.right} height={size + M.top + M.bottom} aria-hidden="true" className="nl-plot nl-heatmap-axes">
        <g transform={`translate(${M.left} ${M.top})`}>
          <rect x={0} y={0} width={size} height={size} className="nl-plot-frame" />
          {xt.map((t) => (
            <text key={`x${t}`} x={px(t)} y={size + 16} textAnchor="middle">
              {fmt(t, 3)}
            </text>
          ))}
          {yt.map((t) => (
            <text key={`y${t}`} x={-6} y={py(t) + 4} textAnchor="end">
              {fmt(t, 3)}
            </text>
          ))}
          {point && point[0] >= xRange[0] && point[0] <= xRange[1] && point[1] >= yRange[0] && point[1] <= yRange[1] && (
            <circle cx={px(point[0])} cy={py(point[1])} r={6} className="nl-probe-dot" />
          )}
        </g>
      </svg>
    </div>
  );
});

export const SurfaceView = memo(function SurfaceView() {
  const doc = useDoc((s) => s.doc);
  const runtime = useRuntimeStore();
  const probeInputs = useRuntime((s) => s.probeInputs);
  const probeOut = useRuntime((s) => s.probe.output);
  const view = useViewState();
  const { ref: box, width, height } = useSize<HTMLDivElement>();
  const [unit, setUnit] = useState(0);
  const xRange = view.settings?.xRange ?? [0, 1];
  const yRange = view.settings?.yRange ?? xRange;
  const spec = view.settings?.target ? functionSpec(view.settings.target) : undefined;
  const f2 = spec && spec.domain.length === 2 ? spec.f : null;
  const c = compiled(doc);
  const inputs = doc.nodes.filter((n) => n.kind === 'input');
  const scalarFirstTwo = c.plan !== null && c.plan.inputSize >= 2 && inputs.slice(0, 2).every((n) => n.kind === 'input' && n.size === 1);
  const outputs = c.plan ? resultSize(c.plan) : 0;
  const u = Math.min(unit, Math.max(0, outputs - 1));

  const data = useMemo(() => {
    if (!c.plan || !scalarFirstTwo || outputs === 0) return null;
    const n = surfaceResolution(c.plan);
    const base = inputVector(doc, probeInputs);
    const net = sampleSurface(c.plan, xRange, yRange, n, n, base, u);
    const target = f2 ? sampleTargetSurface((x, y) => f2(x, y), xRange, yRange, n, n) : null;
    return { net, target, base };
  }, [c.plan, scalarFirstTwo, outputs, doc, probeInputs, xRange, yRange, u, f2]);

  if (isRecurrentNetwork(doc)) return <SequenceNote />;
  if (c.error) return <p className="nl-view-empty nl-field-error">{c.error}</p>;
  if (!scalarFirstTwo) return <p className="nl-view-empty">The surface view needs a network whose first two inputs are single numbers x and y.</p>;
  if (!data) return <p className="nl-view-empty">Connect a neuron to the Output to see the surface it computes.</p>;

  const { net, target, base } = data;
  const lo = Math.min(net.min, target?.min ?? Infinity);
  const hi = Math.max(net.max, target?.max ?? -Infinity);
  const maps = target ? 2 : 1;
  const size = Math.max(80, Math.min(height - M.top - M.bottom - 22, (width - 120) / maps - M.left - M.right));
  const point: [number, number] = [base[0], base[1]];
  const pick = (x: number, y: number): void => {
    const [a, b] = inputs;
    runtime.getState().setProbeInputs({ ...runtime.getState().probeInputs, [a.id]: [x], [b.id]: [y] });
  };
  const deviation = target ? meanDeviation(net.values, target.values) : null;
  return (
    <div className="nl-surface-view" data-testid="surface-view">
      <div className="nl-view-bar">
        <span className="nl-stat" data-testid="surface-range">
          output from {fmt(net.min, 3)} to {fmt(net.max, 3)}
        </span>
        {probeOut && (
          <span className="nl-stat" data-testid="surface-at-probe">
            at ({fmt(point[0], 3)}, {fmt(point[1], 3)}): {fmt(probeOut[u], 4)}
          </span>
        )}
        {deviation !== null && <span className="nl-stat">mean |output − f| = {fmt(deviation, 3)}</span>}
        {outputs > 1 && (
          <label className="nl-inline">
            Output unit{' '}
            <select value={u} onChange={(e) => setUnit(Number(e.target.value))}>
              {Array.from({ length: outputs }, (_, j) => (
                <option key={j} value={j}>
                  {j + 1}
                </option>
              ))}
            </select>
          </label>
        )}
        {inputs.length > 2 && <span className="nl-hint">Other inputs held at their probe values.</span>}
      </div>
      <div className="nl-surfaces" ref={box}>
        {width > 0 && (
          <>
            <figure>
              <Heatmap
                surface={net}
                size={size}
                lo={lo}
                hi={hi}
                xRange={xRange}
                yRange={yRange}
                point={point}
                onPick={pick}
                title={`Network output over x from ${fmt(xRange[0])} to ${fmt(xRange[1])} and y from ${fmt(yRange[0])} to ${fmt(yRange[1])}: from ${fmt(net.min, 3)} to ${fmt(net.max, 3)}`}
                testId="surface-network"
              />
              <figcaption>Network</figcaption>
            </figure>
            {target && (
              <figure>
                <Heatmap surface={target} size={size} lo={lo} hi={hi} xRange={xRange} yRange={yRange} point={null} title={`Target ${spec?.label ?? ''}`} testId="surface-target" />
                <figcaption>Target {spec?.label}</figcaption>
              </figure>
            )}
            <div className="nl-colourbar" aria-label={`Colour scale from ${fmt(lo, 3)} to ${fmt(hi, 3)}`}>
              <span>{fmt(hi, 3)}</span>
              <span className="nl-colourbar-ramp" />
              <span>{fmt(lo, 3)}</span>
            </div>
          </>
        )}
      </div>
    </div>
  );
});

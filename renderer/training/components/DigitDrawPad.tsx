/**
 * Draw a digit with the mouse (or a finger, or a pen) and see the network's
 * ten outputs as bars, live. The drawing goes through MNIST's own steps
 * (a 20x20 box, centred by mass in 28x28) before the network sees it, and
 * that 28x28 image is shown beside the pad. The app makes it the probe's
 * input too (onDigit), so every node on the canvas shows its activation.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis, Tooltip } from 'recharts';
import { compile, type Plan } from '../../../engine/compile';
import type { NetworkDocument } from '../../../engine/document';
import { forward } from '../../../engine/forward';
import { createWorkspace } from '../../../engine/workspace';
import { FIELD, normaliseDigit } from '../digit-normalise';
import { predictedClass } from '../evaluate';
import { formatMetric } from '../format';
import { drawImage, sizeCanvas, useThrottledValue } from '../hooks';
import { runColor } from '../transforms';
import { ChartFrame } from './ChartFrame';
import { TOOLTIP_STYLE } from './TrainingChart';

export interface DigitDrawPadProps {
  /** The network to read the drawing (the canvas's document: its weights as they are now). */
  network: NetworkDocument;
  /** Names of the outputs (default 0 to 9). */
  classNames?: readonly string[];
  /** Side of the pad in CSS pixels. */
  size?: number;
  /** The 28x28 digit the pad starts with (what the probe holds now). */
  initial?: ArrayLike<number>;
  /** Every new reading of the pad (null: cleared). */
  onDigit?: (digit: Float32Array | null) => void;
}

const PEN = 0.075; // of the pad's side: about a 2 px MNIST stroke once scaled into the 20 px box

function planFor(network: NetworkDocument): Plan | string {
  try {
    const plan = compile(network, 'float64');
    if (plan.inputSize !== FIELD * FIELD) return `The pad draws 28x28 digits (784 inputs); this network takes ${plan.inputSize} inputs.`;
    if (!plan.output || plan.output.size < 1) return 'Connect the network to an Output to read a digit.';
    return plan;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function hasInk(values: ArrayLike<number> | undefined): values is ArrayLike<number> {
  if (!values || values.length !== FIELD * FIELD) return false;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) return true;
  return false;
}

interface Bar {
  name: string;
  value: number;
}

/** The outputs as bars, the winner in orange; redrawn only when they change (a Recharts redraw is not free). */
const OutputBars = memo(function OutputBars({ bars, best, height }: { bars: Bar[]; best: number; height: number }) {
  const top = Math.max(1, ...bars.map((b) => b.value));
  return (
    <BarChart responsive style={{ width: '100%', height }} data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" interval={0} />
      <YAxis width={56} domain={[0, top]} tickFormatter={(v: number) => formatMetric(v)} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? formatMetric(v) : String(v))} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
      <Bar dataKey="value" name="output" isAnimationActive={false}>
        {bars.map((b, i) => (
          <Cell key={b.name} fill={i === best ? runColor(1) : runColor(0)} />
        ))}
      </Bar>
    </BarChart>
  );
});

export const DigitDrawPad = memo(function DigitDrawPad({ network, classNames, size = 280, initial, onDigit }: DigitDrawPadProps) {
  const pad = useRef<HTMLCanvasElement>(null);
  const preview = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);
  const [digit, setDigit] = useState<Float32Array | null>(() => (hasInk(initial) ? Float32Array.from(initial) : null));
  // Training writes new weights ten times a second: the reading follows four times a second, a redraw of the bars each.
  const shownNetwork = useThrottledValue(network, 250);
  const plan = useMemo(() => planFor(shownNetwork), [shownNetwork]);
  const workspace = useMemo(() => (typeof plan === 'string' ? null : createWorkspace(plan)), [plan]);
  const tell = useRef(onDigit);
  useEffect(() => {
    tell.current = onDigit;
  }, [onDigit]);
  const start = useRef(initial);

  const blank = useCallback((): CanvasRenderingContext2D | null => {
    const canvas = pad.current;
    if (!canvas) return null;
    const ctx = sizeCanvas(canvas, size, size);
    if (!ctx) return null;
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, size, size);
    return ctx;
  }, [size]);

  const clear = useCallback(() => {
    blank();
    start.current = undefined;
    setDigit(null);
    tell.current?.(null);
  }, [blank]);

  // The pad opens with the probe's digit on it, so drawing carries on from what the canvas shows.
  const ready = typeof plan !== 'string';
  useEffect(() => {
    const ctx = ready ? blank() : null;
    if (ctx && hasInk(start.current)) drawImage(ctx, start.current, FIELD, FIELD, 0, 0, size, size);
  }, [blank, size, ready]);

  useEffect(() => {
    const canvas = preview.current;
    if (!canvas) return;
    const ctx = sizeCanvas(canvas, 112, 112);
    if (ctx) drawImage(ctx, digit ?? new Float32Array(FIELD * FIELD), FIELD, FIELD, 0, 0, 112, 112);
  }, [digit, ready]);

  const read = useCallback(() => {
    frame.current = 0;
    const canvas = pad.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const { width, height } = canvas;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const ink = new Float32Array(width * height);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i] / 255;
    const next = normaliseDigit(ink, width, height);
    setDigit(next);
    tell.current?.(next);
  }, []);

  const schedule = (): void => {
    if (!frame.current) frame.current = requestAnimationFrame(read);
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const at = (e: PointerEvent<HTMLCanvasElement>): { x: number; y: number } => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * size, y: ((e.clientY - r.top) / r.height) * size };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }): void => {
    const ctx = pad.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = PEN * size;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    schedule();
  };

  const outputs = useMemo(() => {
    if (!digit || typeof plan === 'string' || !workspace) return null;
    return Array.from(forward(plan, workspace, digit));
  }, [digit, plan, workspace]);
  const classes = outputs ? outputs.length : 0;
  const best = outputs && classes >= 2 ? predictedClass(outputs, classes) : -1;
  const names = (i: number): string => classNames?.[i] ?? String(i);
  const outputCount = typeof plan === 'string' ? 10 : (plan.output?.size ?? 10);
  const bars = useMemo(
    (): Bar[] => (outputs ?? new Array<number>(outputCount).fill(0)).map((v, i) => ({ name: classNames?.[i] ?? String(i), value: v })),
    [outputs, outputCount, classNames],
  );

  const onKey = (e: KeyboardEvent<HTMLCanvasElement>): void => {
    if (e.key === 'Delete' || e.key === 'Backspace' || e.key === 'Escape') {
      e.preventDefault();
      clear();
    }
  };

  return (
    <ChartFrame
      title="Draw a digit"
      csv={() => `output,activation\r\n${bars.map((b) => `${b.name},${b.value}`).join('\r\n')}\r\n`}
      tools={
        <button type="button" className="nl-tr-button is-small" onClick={clear} title="Clear the pad (Delete)">
          Clear
        </button>
      }
      testId="draw-pad"
    >
      {typeof plan === 'string' ? (
        <p className="nl-tr-empty">{plan}</p>
      ) : (
        <div className="nl-tr-drawpad">
          <div className="nl-tr-drawpad-pad">
            <canvas
              ref={pad}
              data-export
              className="nl-tr-pad"
              tabIndex={0}
              role="img"
              aria-label="Drawing pad: draw a digit with the mouse; Delete clears it"
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                const p = at(e);
                drawing.current = p;
                stroke(p, p);
              }}
              onPointerMove={(e) => {
                if (!drawing.current) return;
                const p = at(e);
                stroke(drawing.current, p);
                drawing.current = p;
              }}
              onPointerUp={() => {
                drawing.current = null;
              }}
              onPointerCancel={() => {
                drawing.current = null;
              }}
              onKeyDown={onKey}
            />
            <div className="nl-tr-drawpad-seen">
              <canvas ref={preview} data-export className="nl-tr-canvas" role="img" aria-label="The 28x28 image the network sees" />
              <span className="nl-tr-caption">what the network sees</span>
            </div>
          </div>
          <div className="nl-tr-drawpad-bars">
            <p className="nl-tr-reading" aria-live="polite">
              {outputs && best >= 0 ? (
                <>
                  It reads <strong className="nl-tr-reading-digit">{names(best)}</strong>
                </>
              ) : outputs ? (
                <>The output for this drawing is {formatMetric(outputs[0])}.</>
              ) : (
                'Draw a digit on the black square.'
              )}
            </p>
            <OutputBars bars={bars} best={best} height={Math.max(160, size - 40)} />
          </div>
        </div>
      )}
    </ChartFrame>
  );
});

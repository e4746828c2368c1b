/**
 * Which class the network says (columns) for each true class (rows), on the
 * test set. Cells are shaded by the share of their row, so the diagonal is
 * dark when the network is good and a common confusion stands out.
 */
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { NetworkDocument } from '../../../engine/document';
import { formatInteger, formatPercent } from '../format';
import { sizeCanvas } from '../hooks';
import { csvTable } from '../transforms';
import type { ClassifierEvaluation } from '../evaluate';
import { ChartFrame } from './ChartFrame';
import { useTestEvaluation } from './use-evaluation';

export interface ConfusionMatrixProps {
  /** The network with the weights to evaluate (the canvas's document). */
  network: NetworkDocument;
  /** Largest cell size in CSS pixels. */
  cell?: number;
}

const MARGIN_LEFT = 96;
const MARGIN_TOP = 72;

/** A deep blue over the panel's colour, as strong as the share: readable numbers on both ends (text turns white past half). */
function shade(share: number): string {
  return `rgba(8, 69, 148, ${Math.max(0, Math.min(1, share))})`;
}

/** The theme's panel and text colours where the canvas sits (the dark theme's too). */
function themeColours(canvas: HTMLCanvasElement): { bg: string; fg: string } {
  const cs = getComputedStyle(canvas);
  return { bg: cs.getPropertyValue('--tr-bg').trim() || '#ffffff', fg: cs.color || '#111111' };
}

function draw(canvas: HTMLCanvasElement, e: ClassifierEvaluation, cell: number): void {
  const n = e.classes;
  const width = MARGIN_LEFT + n * cell + 8;
  const height = MARGIN_TOP + n * cell + 8;
  const ctx = sizeCanvas(canvas, width, height);
  if (!ctx) return;
  const { bg, fg } = themeColours(canvas);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, width, height);
  const font = Math.max(11, Math.min(18, Math.round(cell * 0.36)));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let t = 0; t < n; t++) {
    const total = e.counts[t].reduce((a, b) => a + b, 0);
    for (let p = 0; p < n; p++) {
      const count = e.counts[t][p];
      const share = total > 0 ? count / total : 0;
      const x = MARGIN_LEFT + p * cell;
      const y = MARGIN_TOP + t * cell;
      ctx.fillStyle = shade(share);
      ctx.fillRect(x, y, cell - 1, cell - 1);
      if (count > 0) {
        ctx.fillStyle = share > 0.5 ? '#ffffff' : fg;
        ctx.font = `${t === p ? 600 : 400} ${font}px system-ui, sans-serif`;
        ctx.fillText(formatInteger(count), x + cell / 2, y + cell / 2);
      }
    }
  }
  ctx.fillStyle = fg;
  ctx.font = `${font}px system-ui, sans-serif`;
  for (let c = 0; c < n; c++) {
    const name = e.classNames[c] ?? String(c);
    ctx.textAlign = 'center';
    ctx.fillText(name.length > 6 ? `${name.slice(0, 5)}…` : name, MARGIN_LEFT + c * cell + cell / 2, MARGIN_TOP - 14);
    ctx.textAlign = 'right';
    ctx.fillText(name.length > 10 ? `${name.slice(0, 9)}…` : name, MARGIN_LEFT - 10, MARGIN_TOP + c * cell + cell / 2);
  }
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('predicted', MARGIN_LEFT + (n * cell) / 2, 18);
  ctx.save();
  ctx.translate(16, MARGIN_TOP + (n * cell) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('true class', 0, 0);
  ctx.restore();
}

export const ConfusionMatrix = memo(function ConfusionMatrix({ network, cell: maxCell = 48 }: ConfusionMatrixProps) {
  const { evaluation: e, message } = useTestEvaluation(network);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const cell = e ? Math.max(28, Math.min(maxCell, Math.floor(560 / e.classes))) : maxCell;

  useEffect(() => {
    if (canvas.current && e) draw(canvas.current, e, cell);
  }, [e, cell]);

  const onMove = (ev: MouseEvent<HTMLCanvasElement>): void => {
    if (!e) return;
    const r = ev.currentTarget.getBoundingClientRect();
    const p = Math.floor((ev.clientX - r.left - MARGIN_LEFT) / cell);
    const t = Math.floor((ev.clientY - r.top - MARGIN_TOP) / cell);
    if (p < 0 || t < 0 || p >= e.classes || t >= e.classes) return setHover(null);
    const total = e.counts[t].reduce((a, b) => a + b, 0);
    const count = e.counts[t][p];
    setHover(`true ${e.classNames[t]}, predicted ${e.classNames[p]}: ${formatInteger(count)} (${formatPercent(total ? count / total : 0)} of the ${e.classNames[t]}s)`);
  };

  const csv = (): string => {
    if (!e) return '';
    return csvTable([['true \\ predicted', ...e.classNames], ...e.counts.map((row, t) => [e.classNames[t], ...row])]);
  };

  return (
    <ChartFrame title="Confusion matrix" csv={csv} testId="confusion-matrix">
      {message !== null ? (
        <p className="nl-tr-empty">{message}</p>
      ) : e ? (
        <>
          <p className="nl-tr-caption" data-export-text>
            {formatInteger(e.correct)} of {formatInteger(e.count)} test examples right: <strong>{formatPercent(e.correct / e.count)}</strong>
          </p>
          <canvas
            ref={canvas}
            data-export
            className="nl-tr-canvas"
            role="img"
            aria-label={`Confusion matrix: ${formatPercent(e.correct / e.count)} of the test set classified correctly`}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
          />
          <p className="nl-tr-hover" aria-live="polite">
            {hover ?? 'Point at a cell for its count.'}
          </p>
        </>
      ) : null}
    </ChartFrame>
  );
});

/** The test images the network gets wrong, most confidently wrong first, each with its true and its predicted class. */
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Dataset } from '../../../engine/datasets/dataset';
import type { NetworkDocument } from '../../../engine/document';
import { formatInteger, formatPercent } from '../format';
import { drawImage, sizeCanvas } from '../hooks';
import type { Misclassified } from '../evaluate';
import { csvTable } from '../transforms';
import { ChartFrame } from './ChartFrame';
import { useTestEvaluation } from './use-evaluation';

export interface MisclassifiedDigitsProps {
  network: NetworkDocument;
  /** How many to show (default 40). */
  count?: number;
  /** Side of one image in CSS pixels. */
  size?: number;
  columns?: number;
}

const CAPTION = 22;
const GAP = 8;

function draw(canvas: HTMLCanvasElement, data: Dataset, wrong: Misclassified[], names: string[], size: number, columns: number): void {
  const { width: w, height: h } = data.image ?? { width: 28, height: 28 };
  const rows = Math.ceil(wrong.length / columns);
  const cw = columns * (size + GAP);
  const ch = rows * (size + CAPTION + GAP);
  const ctx = sizeCanvas(canvas, cw, ch);
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cw, ch);
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  wrong.forEach((m, i) => {
    const x = (i % columns) * (size + GAP);
    const y = Math.floor(i / columns) * (size + CAPTION + GAP);
    drawImage(ctx, data.x.subarray(m.index * data.inputSize, (m.index + 1) * data.inputSize), w, h, x, y, size, size);
    ctx.fillStyle = '#b42318';
    const label = `${names[m.label] ?? m.label} → ${names[m.predicted] ?? m.predicted}`;
    ctx.fillText(label.length > 14 ? `${label.slice(0, 13)}…` : label, x + size / 2, y + size + CAPTION / 2 + 1);
  });
}

export const MisclassifiedDigits = memo(function MisclassifiedDigits({ network, count = 40, size = 64, columns = 10 }: MisclassifiedDigitsProps) {
  const { data, evaluation: e, message } = useTestEvaluation(network);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const wrong = e ? e.misclassified.slice(0, count) : [];
  const images = Boolean(data?.image);

  useEffect(() => {
    if (canvas.current && e && data?.image) draw(canvas.current, data, e.misclassified.slice(0, count), e.classNames, size, columns);
  }, [e, data, count, size, columns]);

  const onMove = (ev: MouseEvent<HTMLCanvasElement>): void => {
    if (!e) return;
    const r = ev.currentTarget.getBoundingClientRect();
    const c = Math.floor((ev.clientX - r.left) / (size + GAP));
    const row = Math.floor((ev.clientY - r.top) / (size + CAPTION + GAP));
    const m = wrong[row * columns + c];
    setHover(m ? `test example ${formatInteger(m.index + 1)}: a ${e.classNames[m.label]}, read as ${e.classNames[m.predicted]} (output ${formatPercent(m.confidence)})` : null);
  };

  const csv = (): string => {
    if (!e) return '';
    return csvTable([
      ['test_index', 'true_class', 'predicted_class', 'output'],
      ...e.misclassified.map((m) => [m.index, e.classNames[m.label], e.classNames[m.predicted], m.confidence]),
    ]);
  };

  return (
    <ChartFrame title="Misclassified test images" csv={csv} testId="misclassified">
      {message !== null ? (
        <p className="nl-tr-empty">{message}</p>
      ) : !e ? null : e.misclassified.length === 0 ? (
        <p className="nl-tr-empty">The network gets every test example right.</p>
      ) : !images ? (
        <p className="nl-tr-empty">{formatInteger(e.count - e.correct)} test examples are misclassified; they are not images, so the CSV lists them.</p>
      ) : (
        <>
          <p className="nl-tr-caption" data-export-text>
            {formatInteger(e.count - e.correct)} of {formatInteger(e.count)} wrong; the {wrong.length} most confident mistakes, true → predicted:
          </p>
          <canvas ref={canvas} data-export className="nl-tr-canvas" role="img" aria-label={`${wrong.length} misclassified test images`} onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
          <p className="nl-tr-hover" aria-live="polite">
            {hover ?? 'Point at an image for details.'}
          </p>
        </>
      )}
    </ChartFrame>
  );
});

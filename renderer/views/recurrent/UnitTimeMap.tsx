/**
 * One quantity of a recurrent layer over one sequence as a heatmap: a row per
 * unit (or feature), a column per step. The value under the pointer is read
 * out; a click on a row picks that unit for the line plot beside it.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { fmt } from '../../app/format';
import type { Matrix } from './gate-series';
import { paintMatrix, type HeatScale } from './heat-colours';

export interface UnitTimeMapProps {
  title: string;
  meaning: string;
  matrix: Matrix;
  lo: number;
  hi: number;
  scale: HeatScale;
  /** What a row is: "unit 3", "symbol C", "x". */
  rowName(i: number): string;
  selectedRow?: number | null;
  onPickRow?(row: number): void;
  width: number;
  height: number;
  testId?: string;
}

/** Height of the caption line above the map. */
const CAPTION = 18;

export const UnitTimeMap = memo(function UnitTimeMap({ title, meaning, matrix, lo, hi, scale, rowName, selectedRow, onPickRow, width, height, testId }: UnitTimeMapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const { rows, cols } = matrix;
  const mapHeight = Math.max(8, height - CAPTION);
  useEffect(() => {
    const canvas = ref.current;
    if (canvas) paintMatrix(canvas, rows, cols, (i, j) => matrix.values[i * cols + j], lo, hi, scale);
  }, [matrix, rows, cols, lo, hi, scale]);
  const at = (e: React.MouseEvent<HTMLCanvasElement>): { row: number; col: number } | null => {
    const r = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - r.left) / r.width) * cols);
    const row = Math.floor(((e.clientY - r.top) / r.height) * rows);
    return row >= 0 && row < rows && col >= 0 && col < cols ? { row, col } : null;
  };
  const v = hover ? matrix.values[hover.row * cols + hover.col] : null;
  const range = scale === 'sequential' ? `${fmt(lo, 2)} → ${fmt(hi, 2)}` : `±${fmt(Math.max(Math.abs(lo), Math.abs(hi)), 2)}`;
  return (
    <figure className="nl-utmap" style={{ width, height }} data-testid={testId}>
      <figcaption className="nl-utmap-caption">
        <span className="nl-utmap-title">{title}</span>
        <span className="nl-utmap-read" aria-live="polite">
          {hover ? `${rowName(hover.row)}, step ${hover.col + 1}: ${v === null || !Number.isFinite(v) ? '–' : fmt(v, 3)}` : `${meaning} · ${range}`}
        </span>
      </figcaption>
      <div className="nl-utmap-box" style={{ height: mapHeight }}>
        <canvas
          ref={ref}
          width={Math.max(1, cols)}
          height={Math.max(1, rows)}
          data-export=""
          role="img"
          aria-label={`${title}, ${meaning}: ${rows} rows by ${cols} steps`}
          style={{ width: '100%', height: mapHeight, cursor: onPickRow ? 'pointer' : 'default' }}
          onPointerMove={(e) => setHover(at(e))}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => {
            const p = at(e);
            if (p && onPickRow) onPickRow(p.row);
          }}
        />
        {selectedRow !== null && selectedRow !== undefined && selectedRow < rows && (
          <span className="nl-utmap-row" style={{ top: `${(selectedRow / rows) * 100}%`, height: `${100 / rows}%` }} aria-hidden="true" />
        )}
      </div>
    </figure>
  );
});

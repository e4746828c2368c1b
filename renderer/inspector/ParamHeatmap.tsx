/**
 * A small weight matrix of a recurrent gate (W_r, U_s, ...) as a heatmap:
 * blue positive, orange negative, the value under the pointer read out, and a
 * click picks the entry for exact editing.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { fmt } from '../app/format';
import { paintMatrix } from '../views/recurrent/heat-colours';

export interface ParamHeatmapProps {
  name: string;
  values: readonly (readonly number[])[];
  /** The largest |value| the colours reach, shared by the gates so they compare. */
  scale: number;
  rowName: string;
  colName: string;
  /** The picked entry, outlined. */
  picked: { row: number; col: number } | null;
  onPick(row: number, col: number): void;
  testId?: string;
}

/** Longest side of a heatmap in CSS pixels, and the largest cell. */
const MAX_SIDE = 112;
const MAX_CELL = 16;

export const ParamHeatmap = memo(function ParamHeatmap({ name, values, scale, rowName, colName, picked, onPick, testId }: ParamHeatmapProps) {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const cell = Math.max(2, Math.min(MAX_CELL, Math.floor(MAX_SIDE / Math.max(rows, cols, 1))));
  useEffect(() => {
    const canvas = ref.current;
    if (canvas) paintMatrix(canvas, rows, cols, (i, j) => values[i][j], -scale, scale, 'signed');
  }, [values, rows, cols, scale]);
  const at = (e: React.MouseEvent<HTMLCanvasElement>): { row: number; col: number } | null => {
    const r = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - r.left) / r.width) * cols);
    const row = Math.floor(((e.clientY - r.top) / r.height) * rows);
    return row >= 0 && row < rows && col >= 0 && col < cols ? { row, col } : null;
  };
  const shown = hover ?? picked;
  return (
    <figure className="nl-param-map" data-testid={testId}>
      <figcaption>
        <span className="nl-param-map-name">{name}</span> <span className="nl-hint">{rows}×{cols}</span>
      </figcaption>
      <div className="nl-param-map-box" style={{ width: cols * cell, height: rows * cell }}>
        <canvas
          ref={ref}
          width={cols}
          height={rows}
          style={{ width: cols * cell, height: rows * cell }}
          role="img"
          aria-label={`${name}: ${rows} by ${cols} weights, click one to edit it`}
          onPointerMove={(e) => setHover(at(e))}
          onPointerLeave={() => setHover(null)}
          onClick={(e) => {
            const p = at(e);
            if (p) onPick(p.row, p.col);
          }}
        />
        {picked && picked.row < rows && picked.col < cols && (
          <span className="nl-param-map-pick" style={{ left: picked.col * cell, top: picked.row * cell, width: cell, height: cell }} aria-hidden="true" />
        )}
      </div>
      <span className="nl-param-map-read" aria-live="polite">
        {shown && shown.row < rows && shown.col < cols ? `${rowName} ${shown.row + 1}, ${colName} ${shown.col + 1}: ${fmt(values[shown.row][shown.col])}` : ' '}
      </span>
    </figure>
  );
});

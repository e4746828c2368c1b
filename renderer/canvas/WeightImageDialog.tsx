/**
 * A weight matrix as an image: blue for positive weights, orange for
 * negative, white (or black in the dark theme) for zero. When the source is
 * an image, each target unit's row is drawn as a picture of that image's
 * shape: for 784 inputs, one 28x28 tile per hidden unit.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkEdge, NetworkNode } from '../../engine/document';
import { divergingRgb } from '../app/colours';
import { fmt } from '../app/format';
import { Modal } from '../app/Modal';
import { useDoc } from '../store/context';

const MAX_WIDTH = 760;
const MAX_HEIGHT = 460;
const GAP = 2;

interface Layout {
  tiles: boolean;
  /** Tile grid (tiles) or matrix (rows x cols) geometry in canvas pixels. */
  cell: number;
  columns: number;
  tileW: number;
  tileH: number;
  width: number;
  height: number;
}

function layoutFor(rows: number, cols: number, image: { width: number; height: number } | undefined): Layout {
  if (image && image.width * image.height === cols) {
    const columns = Math.min(rows, Math.max(1, Math.ceil(Math.sqrt(rows * 1.6))));
    const tileRows = Math.ceil(rows / columns);
    const cell = Math.max(1, Math.floor(Math.min((MAX_WIDTH - GAP * columns) / (columns * image.width), (MAX_HEIGHT - GAP * tileRows) / (tileRows * image.height))));
    const tileW = image.width * cell;
    const tileH = image.height * cell;
    return { tiles: true, cell, columns, tileW, tileH, width: columns * (tileW + GAP) - GAP, height: tileRows * (tileH + GAP) - GAP };
  }
  const cell = Math.max(1, Math.floor(Math.min(MAX_WIDTH / cols, MAX_HEIGHT / rows, 40)));
  return { tiles: false, cell, columns: 0, tileW: 0, tileH: 0, width: cols * cell, height: rows * cell };
}

function isDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export const WeightImage = memo(function WeightImage({ edge, source }: { edge: NetworkEdge; source: NetworkNode }) {
  const w = edge.weights as number[][];
  const rows = w.length;
  const cols = w[0]?.length ?? 0;
  const image = source.kind === 'input' ? source.image : undefined;
  const [perTile, setPerTile] = useState(true);
  const [hover, setHover] = useState<string | null>(null);
  const layout = useMemo(() => layoutFor(rows, cols, image), [rows, cols, image]);
  const ref = useRef<HTMLCanvasElement>(null);
  const globalMax = useMemo(() => Math.max(1e-12, ...w.map((r) => Math.max(...r.map(Math.abs)))), [w]);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const dark = isDark();
    ctx.clearRect(0, 0, layout.width, layout.height);
    const img = ctx.createImageData(layout.width, layout.height);
    const put = (x: number, y: number, rgb: [number, number, number]): void => {
      for (let dy = 0; dy < layout.cell; dy++) {
        for (let dx = 0; dx < layout.cell; dx++) {
          const o = 4 * ((y + dy) * layout.width + x + dx);
          img.data[o] = rgb[0];
          img.data[o + 1] = rgb[1];
          img.data[o + 2] = rgb[2];
          img.data[o + 3] = 255;
        }
      }
    };
    for (let j = 0; j < rows; j++) {
      const row = w[j];
      const max = layout.tiles && perTile ? Math.max(1e-12, ...row.map(Math.abs)) : globalMax;
      for (let k = 0; k < cols; k++) {
        if (layout.tiles && image) {
          const tx = (j % layout.columns) * (layout.tileW + GAP);
          const ty = Math.floor(j / layout.columns) * (layout.tileH + GAP);
          put(tx + (k % image.width) * layout.cell, ty + Math.floor(k / image.width) * layout.cell, divergingRgb(row[k] / max, dark));
        } else {
          put(k * layout.cell, j * layout.cell, divergingRgb(row[k] / max, dark));
        }
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [w, rows, cols, image, layout, perTile, globalMax]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * layout.width;
    const y = ((e.clientY - r.top) / r.height) * layout.height;
    let j: number;
    let k: number;
    if (layout.tiles && image) {
      const tc = Math.floor(x / (layout.tileW + GAP));
      const tr = Math.floor(y / (layout.tileH + GAP));
      j = tr * layout.columns + tc;
      const px = Math.floor((x - tc * (layout.tileW + GAP)) / layout.cell);
      const py = Math.floor((y - tr * (layout.tileH + GAP)) / layout.cell);
      if (px >= image.width || py >= image.height) return setHover(null);
      k = py * image.width + px;
    } else {
      j = Math.floor(y / layout.cell);
      k = Math.floor(x / layout.cell);
    }
    if (j < 0 || j >= rows || k < 0 || k >= cols) return setHover(null);
    setHover(layout.tiles && image ? `unit ${j + 1}, pixel (${(k % image.width) + 1}, ${Math.floor(k / image.width) + 1}): w = ${fmt(w[j][k])}` : `row ${j + 1}, column ${k + 1}: w = ${fmt(w[j][k])}`);
  };

  return (
    <div className="nl-weight-image" data-testid="weight-image">
      <p className="nl-hint">
        {layout.tiles
          ? `Each tile is one unit of the target: its ${cols} incoming weights laid out as the ${image?.width}×${image?.height} input image. Blue pixels excite the unit, orange ones inhibit it.`
          : `Row j holds the weights into unit j of the target, column k those from unit k of the source (${rows}×${cols}). Blue is positive, orange negative.`}
      </p>
      <canvas ref={ref} width={layout.width} height={layout.height} onMouseMove={onMove} onMouseLeave={() => setHover(null)} role="img" aria-label={`Weight image of a ${rows} by ${cols} matrix`} />
      <div className="nl-weight-image-bar">
        <span className="nl-stat" aria-live="polite">
          {hover ?? 'Point at a pixel to read its weight.'}
        </span>
        {layout.tiles && (
          <label className="nl-inline">
            <input type="checkbox" checked={perTile} onChange={(e) => setPerTile(e.target.checked)} /> scale each tile by its own largest |w|
          </label>
        )}
        <span className="nl-stat">largest |w| {fmt(globalMax, 3)}</span>
      </div>
    </div>
  );
});

export function WeightImageDialog({ edgeId, onClose }: { edgeId: string; onClose(): void }) {
  const doc = useDoc((s) => s.doc);
  const edge = doc.edges.find((e) => e.id === edgeId);
  const source = edge && doc.nodes.find((n) => n.id === edge.source);
  const target = edge && doc.nodes.find((n) => n.id === edge.target);
  return (
    <Modal title={edge && source && target ? `Weights from “${source.label}” to “${target.label}”` : 'Weights'} onClose={onClose} wide testId="weight-dialog">
      {edge && source && edge.weights ? <WeightImage edge={edge} source={source} /> : <p className="nl-hint">This connection is gone.</p>}
      {edge?.weights && target?.kind === 'recurrent' && target.cell === 'lstm' && (
        <p className="nl-hint" data-testid="weight-image-gates">
          Into an LSTM the rows come in four blocks of {target.size}, one per gate, top to bottom: W_r (rem), W_s (save), W_f (focus) and W_l (the candidate ltm′). The
          inspector of “{target.label}” shows them one by one.
        </p>
      )}
    </Modal>
  );
}

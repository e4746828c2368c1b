/**
 * A pad to draw a digit for an image input: white ink on black, like MNIST,
 * with a soft pen so strokes have the grey edges the network was trained on.
 */
import { memo, useCallback, useEffect, useRef, type PointerEvent } from 'react';

export interface DrawPadProps {
  width: number;
  height: number;
  values: readonly number[] | undefined;
  onChange(values: number[]): void;
  label: string;
}

const PEN = 1.3;

export const DrawPad = memo(function DrawPad({ width, height, values, onChange, label }: DrawPadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pixels = useRef<number[]>(values ? [...values] : new Array<number>(width * height).fill(0));
  const drawing = useRef(false);
  const last = useRef<[number, number] | null>(null);
  const frame = useRef(0);

  const paint = useCallback(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    pixels.current.forEach((v, i) => {
      const g = Math.round(255 * v);
      img.data.set([g, g, g, 255], 4 * i);
    });
    ctx.putImageData(img, 0, 0);
  }, [width, height]);

  useEffect(() => {
    pixels.current = values && values.length === width * height ? [...values] : new Array<number>(width * height).fill(0);
    paint();
  }, [values, width, height, paint]);

  const dab = (cx: number, cy: number): void => {
    const p = pixels.current;
    for (let y = Math.floor(cy - 2); y <= Math.ceil(cy + 2); y++) {
      for (let x = Math.floor(cx - 2); x <= Math.ceil(cx + 2); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const ink = Math.max(0, Math.min(1, (PEN + 0.6 - d) / 1.2));
        p[y * width + x] = Math.max(p[y * width + x], ink);
      }
    }
  };

  const at = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * width, ((e.clientY - r.top) / r.height) * height];
  };

  const stroke = (e: PointerEvent<HTMLCanvasElement>): void => {
    const [x, y] = at(e);
    const [lx, ly] = last.current ?? [x, y];
    const steps = Math.max(1, Math.ceil(Math.hypot(x - lx, y - ly) * 2));
    for (let i = 1; i <= steps; i++) dab(lx + ((x - lx) * i) / steps, ly + ((y - ly) * i) / steps);
    last.current = [x, y];
    paint();
    // One probe update per frame however fast the pointer moves.
    if (!frame.current) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        onChange([...pixels.current]);
      });
    }
  };

  return (
    <div className="nl-drawpad">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={label}
        onPointerDown={(e) => {
          drawing.current = true;
          last.current = null;
          e.currentTarget.setPointerCapture(e.pointerId);
          stroke(e);
        }}
        onPointerMove={(e) => drawing.current && stroke(e)}
        onPointerUp={() => {
          drawing.current = false;
          onChange([...pixels.current]);
        }}
      />
      <button type="button" className="nl-button is-small" onClick={() => onChange(new Array<number>(width * height).fill(0))}>
        Clear
      </button>
    </div>
  );
});

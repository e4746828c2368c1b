/** A small image of values in [0, 1] (a digit), drawn pixel for pixel and scaled up crisply by CSS. */
import { memo, useEffect, useRef } from 'react';

export interface ImageCanvasProps {
  values: ArrayLike<number> | undefined;
  width: number;
  height: number;
  /** Displayed size in CSS pixels (the longer side). */
  size: number;
  label: string;
}

export const ImageCanvas = memo(function ImageCanvas({ values, width, height, size, label }: ImageCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const v = Math.round(255 * Math.max(0, Math.min(1, values?.[i] ?? 0)));
      img.data[4 * i] = v;
      img.data[4 * i + 1] = v;
      img.data[4 * i + 2] = v;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, width, height]);
  const scale = size / Math.max(width, height);
  return <canvas ref={ref} width={width} height={height} className="nl-image" style={{ width: width * scale, height: height * scale }} role="img" aria-label={label} />;
});

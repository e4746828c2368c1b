/**
 * The size of an element, kept up to date by a ResizeObserver. A callback
 * ref, so an element that appears later (after an empty state) is measured too.
 */
import { useCallback, useEffect, useState } from 'react';

export function useSize<T extends HTMLElement>(): { ref: (el: T | null) => void; width: number; height: number } {
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!el) return;
    const measure = (): void => {
      const r = el.getBoundingClientRect();
      const next = { width: Math.round(r.width), height: Math.round(r.height) };
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  const ref = useCallback((node: T | null) => setEl(node), []);
  return { ref, ...size };
}

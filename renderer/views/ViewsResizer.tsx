/**
 * The handle between the canvas and the views: drag it (or focus it and use
 * the arrow keys) to give the views more room; a double click goes back to
 * the default height. The height is remembered for the next session.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useRuntime, useRuntimeStore } from '../store/context';

const KEY = 'neuroloom.viewsHeight';
export const MIN_VIEWS_HEIGHT = 160;
/** The canvas keeps at least this much. */
const MIN_CANVAS_HEIGHT = 140;
const STEP = 24;

function remembered(): number | null {
  try {
    const v = Number(localStorage.getItem(KEY));
    return Number.isFinite(v) && v >= MIN_VIEWS_HEIGHT ? v : null;
  } catch {
    return null;
  }
}

function remember(height: number | null): void {
  try {
    if (height === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(height));
  } catch {
    /* storage may be disabled */
  }
}

export const ViewsResizer = memo(function ViewsResizer() {
  const height = useRuntime((s) => s.viewsHeight);
  const runtime = useRuntimeStore();
  const handle = useRef<HTMLDivElement>(null);
  const drag = useRef<{ y: number; height: number } | null>(null);

  const [measured, setMeasured] = useState<number | null>(null);

  useEffect(() => {
    const saved = remembered();
    if (saved !== null) runtime.getState().setViewsHeight(saved);
  }, [runtime]);

  // The views' laid-out height, for assistive technology (the default height is the layout's).
  useEffect(() => {
    const views = handle.current?.nextElementSibling;
    if (!views) return;
    const ro = new ResizeObserver(() => setMeasured(Math.round(views.getBoundingClientRect().height)));
    ro.observe(views);
    return () => ro.disconnect();
  }, []);

  /** The views' height now, as laid out. */
  const shown = (): number => handle.current?.nextElementSibling?.getBoundingClientRect().height ?? height ?? 300;
  const max = (): number => {
    const centre = handle.current?.parentElement?.getBoundingClientRect().height ?? window.innerHeight;
    return Math.max(MIN_VIEWS_HEIGHT, centre - MIN_CANVAS_HEIGHT);
  };
  const resize = (to: number): number => {
    const next = Math.round(Math.max(MIN_VIEWS_HEIGHT, Math.min(max(), to)));
    runtime.getState().setViewsHeight(next);
    return next;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, height: shown() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag.current) resize(drag.current.height + drag.current.y - e.clientY);
  };
  const onPointerUp = (): void => {
    if (!drag.current) return;
    drag.current = null;
    remember(runtime.getState().viewsHeight);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const by = e.key === 'ArrowUp' ? STEP : e.key === 'ArrowDown' ? -STEP : e.key === 'PageUp' ? 4 * STEP : e.key === 'PageDown' ? -4 * STEP : 0;
    if (by === 0 && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next = e.key === 'Home' ? resize(MIN_VIEWS_HEIGHT) : e.key === 'End' ? resize(max()) : resize(shown() + by);
    remember(next);
  };

  return (
    <div
      ref={handle}
      className="nl-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Height of the views"
      aria-valuemin={MIN_VIEWS_HEIGHT}
      aria-valuenow={measured ?? Math.round(height ?? MIN_VIEWS_HEIGHT)}
      tabIndex={0}
      title="Drag to resize the views (double-click: default height)"
      data-testid="views-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKey}
      onDoubleClick={() => {
        runtime.getState().setViewsHeight(null);
        remember(null);
      }}
    />
  );
});

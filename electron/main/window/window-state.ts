/**
 * The window's size and place, remembered between sessions. A saved place
 * that no longer lies on any screen (a monitor unplugged) is dropped so the
 * window never opens out of sight.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
export const MIN_SIZE = { width: 720, height: 480 };

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: int.optional(), y: int.optional(), width: int, height: int }),
  maximized: z.boolean(),
});

/** From the stored text (or null) and the screens' work areas to a state that is safe to open with. */
export function restoreWindowState(text: string | null, workAreas: readonly Rect[]): WindowState {
  let state: WindowState;
  try {
    state = text === null ? DEFAULT_WINDOW_STATE : stateSchema.parse(JSON.parse(text));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const width = Math.max(MIN_SIZE.width, state.bounds.width);
  const height = Math.max(MIN_SIZE.height, state.bounds.height);
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined) return { bounds: { width, height }, maximized: state.maximized };
  // Keep the place only if a good part of the title bar is on some screen.
  const home = workAreas.find((a) => overlap(x, x + width, a.x, a.x + a.width) >= 100 && y >= a.y && y + 40 <= a.y + a.height);
  const area = home ?? workAreas[0];
  const fitted = area ? { width: Math.min(width, area.width), height: Math.min(height, area.height) } : { width, height };
  return home ? { bounds: { x, y, ...fitted }, maximized: state.maximized } : { bounds: fitted, maximized: state.maximized };
}

export function serialiseWindowState(bounds: Rect, maximized: boolean): string {
  return JSON.stringify({ bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) }, maximized });
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/**
 * Which curves of a line plot are kept as a picture and which are drawn on
 * every frame. While a slider drags one weight, only that unit's curve (and
 * the output) changes: redrawing all fifty curves would make the browser
 * rasterise them all again on every frame, where copying a kept picture of
 * the unchanged ones and drawing the changing ("live") curves over it costs
 * a fraction of that. Live curves are drawn over the others, for as long as
 * the picture is kept.
 */

/** At most this many series are live; when more change at once, everything is drawn again. */
export const LIVE_MAX = 4;

export interface LayerPlan<S> {
  /** Scale, size, domains and theme: when they change, the picture is of no use. */
  geometry: string;
  /** The series in the picture, by key, as they were when drawn. */
  drawn: ReadonlyMap<string, S>;
  /** Keys of the series drawn over the picture on every frame. */
  live: ReadonlySet<string>;
}

/**
 * The plan for the next draw: `previous` itself when its picture can be kept
 * (only live series changed), else a new plan whose picture must be drawn
 * again, without the live series: those that were live and those that just
 * changed. Everything is drawn into the picture when the set of series
 * changed or too many changed at once. `previous` null means there is no
 * picture yet. A new geometry alone keeps the live series live, so a drag
 * that moves an axis costs one redraw of the picture, not two.
 */
export function planLayers<S extends { key: string }>(
  previous: LayerPlan<S> | null,
  series: readonly S[],
  geometry: string,
  same: (a: S, b: S) => boolean,
): LayerPlan<S> {
  const changed = new Set<string>();
  let sameKeys = previous !== null && series.length === previous.drawn.size + previous.live.size;
  for (const s of series) {
    if (!previous || previous.live.has(s.key)) continue;
    const d = previous.drawn.get(s.key);
    if (d === undefined) sameKeys = false;
    else if (!same(d, s)) changed.add(s.key);
  }
  if (previous && sameKeys && changed.size === 0 && previous.geometry === geometry) return previous;
  const live = previous && sameKeys && changed.size + previous.live.size <= LIVE_MAX ? new Set([...previous.live, ...changed]) : new Set<string>();
  const drawn = new Map<string, S>();
  for (const s of series) if (!live.has(s.key)) drawn.set(s.key, s);
  return { geometry, drawn, live };
}

/**
 * A chart's legend in HTML, outside the chart. Recharts' own legend measures
 * itself and hands its size back to the chart, so the first time it fills
 * (the first epoch of a run) the whole chart is laid out and drawn twice in
 * one task; this one leaves the plot area as it is. The swatches are small
 * SVGs, which the PNG export draws like any other SVG.
 */
import { memo } from 'react';
import type { LegendItem } from '../export';

export const ChartLegend = memo(function ChartLegend({ items, testId }: { items: readonly LegendItem[]; testId?: string }) {
  return (
    <ul className="nl-tr-legend" data-testid={testId}>
      {items.map((item) => (
        <li key={item.name} className="nl-tr-legend-item">
          <svg width="26" height="8" aria-hidden="true" className="nl-tr-legend-swatch">
            <line x1="1" x2="25" y1="4" y2="4" stroke={item.color} strokeWidth="3" strokeDasharray={item.dashed ? '7 4' : undefined} />
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
});

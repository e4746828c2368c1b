/** One weight: width by |w| relative to the largest weight into the same node, blue if positive, orange if negative, the value on hover. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { fmt } from '../../app/format';
import { useDoc, useRuntime } from '../../store/context';
import { scalarViews, type LiveScalarEdge } from '../live-edges';

/**
 * Rounded to a quarter pixel: no one sees the difference, and while a slider
 * moves one weight the other edges into the same node keep their width, so
 * the browser does not restyle and repaint them all on every frame.
 */
export function scalarEdgeWidth(relative: number): number {
  return Math.round(4 * (1 + 5 * Math.sqrt(Math.max(0, Math.min(1, relative))))) / 4;
}

export const ScalarEdge = memo(function ScalarEdge(props: EdgeProps<LiveScalarEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const hovered = useRuntime((s) => s.hoveredEdge === id);
  // Numbers, so this edge renders again only when its own weight or width changes.
  const w = useDoc((s) => scalarViews(s.doc).get(id)?.weight ?? 0);
  const width = useDoc((s) => scalarEdgeWidth(scalarViews(s.doc).get(id)?.relative ?? 0));
  const frozen = data?.frozen ?? false;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={16}
        className={`nl-edge ${w >= 0 ? 'is-positive' : 'is-negative'}${selected ? ' is-selected' : ''}`}
        style={{ strokeWidth: selected ? width + 2 : width, strokeDasharray: frozen ? '7 5' : undefined, opacity: w === 0 ? 0.4 : 1 }}
      />
      {(hovered || selected) && (
        <EdgeLabelRenderer>
          <div className="nl-edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`edge-label-${id}`}>
            w = {fmt(w)}
            {frozen ? ' · frozen' : ''}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

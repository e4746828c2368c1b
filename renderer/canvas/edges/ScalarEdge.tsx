/** One weight: width by |w| relative to the largest weight into the same node, blue if positive, orange if negative, the value on hover. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { fmt } from '../../app/format';
import type { ScalarFlowEdge } from '../../graph/flow-types';
import { useRuntime } from '../../store/context';

export function scalarEdgeWidth(relative: number): number {
  return 1 + 5 * Math.sqrt(Math.max(0, Math.min(1, relative)));
}

export const ScalarEdge = memo(function ScalarEdge(props: EdgeProps<ScalarFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const hovered = useRuntime((s) => s.hoveredEdge === id);
  const w = data?.weight ?? 0;
  const width = scalarEdgeWidth(data?.relative ?? 0);
  const frozen = data?.edge.frozen ?? false;
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

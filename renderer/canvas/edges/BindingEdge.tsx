/** An edge into the Output: it carries no weight, it says which units are the prediction. */
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BindingFlowEdge } from '../../graph/flow-types';

export const BindingEdge = memo(function BindingEdge(props: EdgeProps<BindingFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return <BaseEdge id={id} path={path} interactionWidth={14} className={`nl-edge nl-edge-binding${selected ? ' is-selected' : ''}`} />;
});

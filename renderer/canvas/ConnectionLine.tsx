/**
 * The line drawn while a connection is dragged. Over a node that would
 * refuse it, the line turns red and says why, before the user lets go.
 */
import { getBezierPath, type ConnectionLineComponentProps } from '@xyflow/react';
import { canConnect } from '../graph/connect-rules';
import type { FlowNode } from '../graph/flow-types';
import { useDoc, useRuntime } from '../store/context';
import { rulesFor } from './connection-rules-for';
import { useTargetSize } from './use-target-size';

export function ConnectionLine({ fromX, fromY, toX, toY, fromPosition, toPosition, fromNode, fromHandle, toNode }: ConnectionLineComponentProps<FlowNode>) {
  const doc = useDoc((s) => s.doc);
  const targetSize = useTargetSize();
  const reconnecting = useRuntime((s) => s.reconnecting);
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  let reason: string | null = null;
  if (toNode && toNode.id !== undefined) {
    const [s, t] = fromHandle.type === 'source' ? [fromNode.id, toNode.id] : [toNode.id, fromNode.id];
    const v = canConnect(doc, s, t, rulesFor(doc, t, reconnecting, targetSize));
    reason = v.ok ? null : v.reason;
  }
  return (
    <g className={`nl-connection${reason ? ' is-invalid' : ''}`}>
      <path d={path} fill="none" />
      {reason && (
        <foreignObject x={toX + 14} y={toY + 10} width={280} height={120} className="nl-connection-reason-box">
          <div className="nl-connection-reason" role="alert">
            {reason}
          </div>
        </foreignObject>
      )}
    </g>
  );
}

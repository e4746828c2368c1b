/** A Layer-sized matrix: one edge with its shape and mean |w|; the summary opens it as a weight image. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { fmt } from '../../app/format';
import type { MatrixFlowEdge } from '../../graph/flow-types';
import { useRuntimeStore } from '../../store/context';

/** Into an LSTM the rows are W_r, W_s, W_f and W_l stacked, d rows each. */
function gateNote(gates: number | undefined, rows: number | undefined): string {
  return gates && rows ? ` (W_r, W_s, W_f, W_l stacked: ${gates} gates of ${rows / gates} units)` : '';
}

export const MatrixEdge = memo(function MatrixEdge(props: EdgeProps<MatrixFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const runtime = useRuntimeStore();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const frozen = data?.edge.frozen ?? false;
  // Between close nodes there is room for the shape only.
  const roomy = Math.hypot(targetX - sourceX, targetY - sourceY) > 150;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={18}
        className={`nl-edge nl-edge-matrix${selected ? ' is-selected' : ''}`}
        style={{ strokeDasharray: frozen ? '8 5' : undefined }}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`nl-matrix-label nodrag nopan${selected ? ' is-selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          onClick={() => runtime.getState().openDialog({ kind: 'weights', edgeId: id })}
          title={`${data?.rows}×${data?.cols} weights${gateNote(data?.gates, data?.rows)}, mean |w| ${fmt(data?.meanAbs, 3)}${frozen ? ', frozen' : ''}: open them as an image`}
          data-testid={`matrix-${id}`}
        >
          <span className="nl-matrix-shape">
            {data?.gates && data.rows ? `${data.gates} gates × ${data.rows / data.gates}×${data.cols}` : `${data?.rows}×${data?.cols}`}
          </span>
          {roomy && <span>mean |w| {fmt(data?.meanAbs, 3)}</span>}
          {roomy && frozen && <span>frozen</span>}
        </button>
      </EdgeLabelRenderer>
    </>
  );
});

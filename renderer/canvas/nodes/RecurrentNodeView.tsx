import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RecurrentFlowNode } from '../../graph/flow-types';
import { NodeShell } from './NodeShell';

/** A recurrent layer: its cell, its size and whether it answers after the last step or after every step. */
export const RecurrentNodeView = memo(function RecurrentNodeView({ id, data, selected }: NodeProps<RecurrentFlowNode>) {
  const n = data.node;
  const cell = n.cell === 'lstm' ? 'LSTM' : 'Plain recurrent (tanh)';
  const outputs = n.outputs === 'last' ? 'answers after the last step' : 'answers at every step';
  return (
    <NodeShell kind="recurrent" selected={selected} frozen={n.frozen} title={`${n.label}: ${cell}, ${n.size} units, ${outputs}`}>
      <span className="nl-layer-body">
        <span className="nl-layer-head">
          <span className="nl-unit nl-unit-small" aria-hidden="true">
            ↻
          </span>
          <span className="nl-node-label">{n.label}</span>
        </span>
        <span className="nl-node-sub" data-testid={`value-${id}`}>
          {cell} · {n.size} units{n.frozen ? ', frozen' : ''}
        </span>
        <span className="nl-node-sub">{outputs}</span>
      </span>
    </NodeShell>
  );
});

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { fmt } from '../../app/format';
import type { LayerFlowNode } from '../../graph/flow-types';
import { useRuntime } from '../../store/context';
import { ACTIVATION_GLYPH, ACTIVATION_LABEL, NodeShell } from './NodeShell';
import { UnitStrip } from './UnitStrip';

function argmax(values: Float64Array | undefined): number {
  if (!values || values.length === 0) return -1;
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
}

export const LayerNodeView = memo(function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const n = data.node;
  const values = useRuntime((s) => s.probe.activations.get(id));
  const top = argmax(values);
  return (
    <NodeShell kind="layer" selected={selected} frozen={n.frozen} title={`${n.label}: ${n.size} units, ${ACTIVATION_LABEL[n.activation]}`}>
      <span className="nl-layer-body">
        <span className="nl-layer-head">
          <span className="nl-unit nl-unit-small" aria-hidden="true">
            {ACTIVATION_GLYPH[n.activation]}
          </span>
          <span className="nl-node-label">{n.label}</span>
        </span>
        <UnitStrip values={values} size={n.size} activation={n.activation} />
        <span className="nl-node-sub" data-testid={`value-${id}`}>
          {n.size} units{n.frozen ? ', frozen' : ''}
          {values && top >= 0 ? ` · max ${fmt(values[top], 3)} (unit ${top + 1})` : ''}
        </span>
      </span>
    </NodeShell>
  );
});

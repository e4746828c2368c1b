import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { activationIntensity, signedColour } from '../../app/colours';
import { fmt, fmtActivation } from '../../app/format';
import type { NeuronFlowNode } from '../../graph/flow-types';
import { useRuntime } from '../../store/context';
import { ACTIVATION_GLYPH, ACTIVATION_LABEL, NodeShell } from './NodeShell';

export const NeuronNodeView = memo(function NeuronNodeView({ id, data, selected }: NodeProps<NeuronFlowNode>) {
  const n = data.node;
  const a = useRuntime((s) => s.probe.activations.get(id)?.[0]);
  return (
    <NodeShell kind="neuron" selected={selected} frozen={n.frozen} title={`${n.label}: ${ACTIVATION_LABEL[n.activation]}, bias ${fmt(n.bias)}`}>
      <span className="nl-unit" style={{ background: signedColour(activationIntensity(a, n.activation), 0.08) }} aria-hidden="true">
        {ACTIVATION_GLYPH[n.activation]}
      </span>
      <span className="nl-node-text">
        <span className="nl-node-label">{n.label}</span>
        <span className="nl-node-line">
          <span className="nl-node-sub">
            b = {fmt(n.bias)}
            {n.frozen ? ' · frozen' : ''}
          </span>
          <output className="nl-node-value" data-testid={`value-${id}`} aria-label={`activation of ${n.label}`}>
            {fmtActivation(a)}
          </output>
        </span>
      </span>
    </NodeShell>
  );
});

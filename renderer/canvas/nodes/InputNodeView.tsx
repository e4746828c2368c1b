import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { fmtActivation, plural } from '../../app/format';
import type { InputFlowNode } from '../../graph/flow-types';
import { useRuntime } from '../../store/context';
import { ImageCanvas } from '../ImageCanvas';
import { NodeShell } from './NodeShell';

export const InputNodeView = memo(function InputNodeView({ id, data, selected }: NodeProps<InputFlowNode>) {
  const n = data.node;
  const values = useRuntime((s) => s.probe.activations.get(id));
  if (n.image) {
    return (
      <NodeShell kind="input" selected={selected} className="nl-node-image">
        <span className="nl-node-text">
          <span className="nl-node-label">{n.label}</span>
          <span className="nl-node-sub">
            {n.image.width}×{n.image.height} image · {plural(n.size, 'input')}
          </span>
        </span>
        <ImageCanvas values={values} width={n.image.width} height={n.image.height} size={128} label={`probe image of ${n.label}`} />
      </NodeShell>
    );
  }
  return (
    <NodeShell kind="input" selected={selected}>
      <span className="nl-unit nl-unit-input" aria-hidden="true">
        x
      </span>
      <span className="nl-node-text">
        <span className="nl-node-label">{n.label}</span>
        {n.size > 1 && <span className="nl-node-sub">{plural(n.size, 'value')}</span>}
      </span>
      {n.size === 1 && (
        <output className="nl-node-value" data-testid={`value-${id}`} aria-label={`probe value of ${n.label}`}>
          {fmtActivation(values?.[0])}
        </output>
      )}
    </NodeShell>
  );
});

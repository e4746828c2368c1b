import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { fmt, fmtActivation, plural } from '../../app/format';
import type { OutputFlowNode } from '../../graph/flow-types';
import { useRuntime } from '../../store/context';
import { NodeShell } from './NodeShell';

const COST_LABEL: Readonly<Record<string, string>> = { quadratic: 'quadratic cost', crossEntropy: 'cross-entropy', logLikelihood: 'log-likelihood' };
const MAX_LISTED = 10;

export const OutputNodeView = memo(function OutputNodeView({ id, data, selected }: NodeProps<OutputFlowNode>) {
  const n = data.node;
  const values = useRuntime((s) => s.probe.activations.get(id));
  const count = values?.length ?? 0;
  let best = -1;
  if (values) for (let j = 0; j < values.length; j++) if (best < 0 || values[j] > values[best]) best = j;
  return (
    <NodeShell kind="output" selected={selected}>
      <span className="nl-layer-body">
        <span className="nl-node-label">{n.label}</span>
        <span className="nl-node-sub">{COST_LABEL[n.cost]}</span>
        {count === 0 ? (
          <span className="nl-node-sub">Connect the units to predict</span>
        ) : count === 1 ? (
          <output className="nl-output-single" data-testid={`value-${id}`} aria-label={`output of ${n.label}`}>
            {fmtActivation(values?.[0], 4)}
          </output>
        ) : count <= MAX_LISTED ? (
          <span className="nl-output-list" data-testid={`value-${id}`}>
            {Array.from(values ?? [], (v, j) => (
              <span key={j} className={`nl-output-row${j === best ? ' is-best' : ''}`}>
                <span className="nl-output-index">{j}</span>
                <span className="nl-output-bar" style={{ width: `${Math.max(0, Math.min(1, v)) * 100}%` }} />
                <span className="nl-output-num">{fmt(v, 2)}</span>
              </span>
            ))}
          </span>
        ) : (
          <span className="nl-node-sub" data-testid={`value-${id}`}>
            {plural(count, 'value')} · largest at {best}
          </span>
        )}
      </span>
    </NodeShell>
  );
});

/** The probe's input: a slider per number, a draw pad per image. Every node shows its activation for it. */
import { memo } from 'react';
import type { InputNode } from '../../engine/document';
import { NumberField } from '../inspector/NumberField';
import { ParamControl } from '../inspector/ParamControl';
import { DEFAULT_SCALAR_INPUT } from '../graph/probe';
import { useDoc, useRuntime, useRuntimeStore } from '../store/context';
import { DrawPad } from './DrawPad';
import { useViewState } from './use-view-state';

const MAX_FIELDS = 12;

export const ProbeControls = memo(function ProbeControls() {
  const nodes = useDoc((s) => s.doc.nodes);
  const inputs = nodes.filter((n): n is InputNode => n.kind === 'input');
  const probeInputs = useRuntime((s) => s.probeInputs);
  const runtime = useRuntimeStore();
  const settings = useViewState().settings;
  const set = (id: string, values: readonly number[]): void => runtime.getState().setProbeInput(id, values);
  if (inputs.length === 0) return <p className="nl-view-empty">Add an Input node to choose what the network is fed.</p>;
  return (
    <div className="nl-probe">
      {inputs.map((n, i) => {
        const given = probeInputs[n.id];
        if (n.image) {
          return (
            <div key={n.id} className="nl-probe-item">
              <span className="nl-probe-label">{n.label}: draw a digit</span>
              <DrawPad width={n.image.width} height={n.image.height} values={given} onChange={(v) => set(n.id, v)} label={`Draw pad for ${n.label}`} />
            </div>
          );
        }
        if (n.size === 1) {
          const range = i === 0 ? settings?.xRange : i === 1 ? settings?.yRange : undefined;
          return (
            <div key={n.id} className="nl-probe-item">
              <ParamControl
                label={n.label}
                value={given?.[0] ?? DEFAULT_SCALAR_INPUT}
                range={range}
                testId={`probe-${n.id}`}
                onChange={(v) => set(n.id, [v])}
              />
            </div>
          );
        }
        return (
          <div key={n.id} className="nl-probe-item">
            <span className="nl-probe-label">{n.label}</span>
            <div className="nl-probe-fields">
              {Array.from({ length: Math.min(n.size, MAX_FIELDS) }, (_, k) => (
                <NumberField
                  key={k}
                  label={String(k + 1)}
                  value={given?.[k] ?? 0}
                  onCommit={(v) => {
                    const next = Array.from({ length: n.size }, (_, j) => given?.[j] ?? 0);
                    next[k] = v;
                    set(n.id, next);
                  }}
                />
              ))}
              {n.size > MAX_FIELDS && <span className="nl-hint">The other {n.size - MAX_FIELDS} values are 0.</span>}
            </div>
          </div>
        );
      })}
    </div>
  );
});

/**
 * The probe's input: a slider per number, the image an image input is fed
 * (drawn on the pad of the Digits view). Every node shows its activation for it.
 */
import { memo } from 'react';
import type { InputNode, NetworkDocument } from '../../engine/document';
import { ImageCanvas } from '../canvas/ImageCanvas';
import { NumberField } from '../inspector/NumberField';
import { ParamControl } from '../inspector/ParamControl';
import { DEFAULT_SCALAR_INPUT } from '../graph/probe';
import { useDoc, useRuntime, useRuntimeStore } from '../store/context';
import { useViewState } from './use-view-state';

const MAX_FIELDS = 12;

/** The input the drawing pad feeds: the first image input. */
export function imageInput(doc: NetworkDocument): InputNode | undefined {
  return doc.nodes.find((n): n is InputNode => n.kind === 'input' && n.image !== undefined);
}

export const ProbeControls = memo(function ProbeControls({ canDraw }: { canDraw: boolean }) {
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
              <span className="nl-probe-label">{n.label}</span>
              <div className="nl-probe-image">
                <ImageCanvas values={given} width={n.image.width} height={n.image.height} size={96} label={`The image ${n.label} is fed`} />
                <div className="nl-probe-image-actions">
                  <button
                    type="button"
                    className="nl-button is-small"
                    disabled={!canDraw}
                    title={canDraw ? 'Draw a digit on the pad of the Digits view' : 'The pad draws 28×28 digits for networks with 784 inputs and an Output'}
                    data-testid="probe-draw"
                    onClick={() => runtime.getState().setViewTab('digits')}
                  >
                    Draw a digit
                  </button>
                  <button type="button" className="nl-button is-small" onClick={() => set(n.id, new Array<number>(n.size).fill(0))}>
                    Clear
                  </button>
                </div>
              </div>
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

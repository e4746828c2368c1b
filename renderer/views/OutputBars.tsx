/** The output vector for the probe input as bars: for a classifier, which class wins and by how much. */
import { memo } from 'react';
import { fmt } from '../app/format';
import { useDoc, useRuntime } from '../store/context';

export const OutputBars = memo(function OutputBars() {
  const output = useRuntime((s) => s.probe.output);
  const error = useRuntime((s) => s.probe.error);
  const hasOutput = useDoc((s) => s.doc.nodes.some((n) => n.kind === 'output'));
  if (error) return <p className="nl-view-empty nl-field-error">{error}</p>;
  if (!hasOutput) return <p className="nl-view-empty">Add an Output node and connect the units the network predicts.</p>;
  if (!output || output.length === 0) return <p className="nl-view-empty">Connect a neuron or a layer to the Output.</p>;
  let best = 0;
  for (let j = 1; j < output.length; j++) if (output[j] > output[best]) best = j;
  const max = Math.max(1, ...Array.from(output, Math.abs));
  return (
    <div className="nl-bars" data-testid="output-bars" data-export-chart>
      {Array.from(output, (v, j) => (
        <div key={j} className={`nl-bar-row${j === best && output.length > 1 ? ' is-best' : ''}`}>
          <span className="nl-bar-index">{output.length > 1 ? j : 'ŷ'}</span>
          <span className="nl-bar-track">
            <span className={`nl-bar-fill${v < 0 ? ' is-negative' : ''}`} style={{ width: `${(Math.abs(v) / max) * 100}%` }} />
          </span>
          <span className="nl-bar-value">{fmt(v, 4)}</span>
        </div>
      ))}
    </div>
  );
});

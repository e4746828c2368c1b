/** "Multiply every weight and bias by c" (the seed's exercises 1.1 and 1.2), for the network or the selection. */
import { memo, useState } from 'react';
import { scaleParameters } from '../graph/edit';
import type { Selection } from '../store/document-store';
import { NumberField } from './NumberField';
import { Section } from './fields';
import { useEdit } from './use-edit';

export const ScaleTool = memo(function ScaleTool({ scope }: { scope: Selection | null }) {
  const edit = useEdit();
  const [c, setC] = useState(2);
  return (
    <Section title={scope ? 'Scale the selection' : 'Scale the whole network'}>
      <p className="nl-hint">
        {scope
          ? 'Multiplies the biases of the selected nodes and the weights into them (and of selected connections) by c.'
          : 'Multiplies every weight and every bias by c. A perceptron network computes the same for any c > 0; a sigmoid network tends to it as c grows.'}
      </p>
      <div className="nl-inline">
        <NumberField label="c" value={c} onCommit={setC} testId="scale-c" />
        <button type="button" className="nl-button is-small" data-testid="scale-apply" onClick={() => edit(`Scale by ${c}`, (d) => scaleParameters(d, c, scope ?? undefined))}>
          Multiply by c
        </button>
      </div>
    </Section>
  );
});

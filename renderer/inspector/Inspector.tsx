/** The inspector: the panel for whatever is selected. */
import { memo } from 'react';
import { useDoc } from '../store/context';
import { EdgePanel } from './EdgePanel';
import { MultiPanel } from './MultiPanel';
import { NetworkPanel } from './NetworkPanel';
import { InputPanel, LayerPanel, NeuronPanel, OutputPanel } from './NodePanels';
import { RecurrentPanel } from './RecurrentPanel';

export const Inspector = memo(function Inspector() {
  const doc = useDoc((s) => s.doc);
  const selection = useDoc((s) => s.selection);
  const name = useDoc((s) => s.meta.name);
  const count = selection.nodes.size + selection.edges.size;
  let body;
  if (count === 0) {
    body = <NetworkPanel doc={doc} name={name} />;
  } else if (count > 1) {
    body = <MultiPanel doc={doc} selection={selection} />;
  } else if (selection.nodes.size === 1) {
    const id = [...selection.nodes][0];
    const node = doc.nodes.find((n) => n.id === id);
    if (!node) body = null;
    // The key makes each node's fields start fresh when the selection moves.
    else if (node.kind === 'neuron') body = <NeuronPanel key={id} doc={doc} node={node} />;
    else if (node.kind === 'layer') body = <LayerPanel key={id} doc={doc} node={node} />;
    else if (node.kind === 'input') body = <InputPanel key={id} doc={doc} node={node} />;
    else if (node.kind === 'recurrent') body = <RecurrentPanel key={id} doc={doc} node={node} />;
    else body = <OutputPanel key={id} doc={doc} node={node} />;
  } else {
    const id = [...selection.edges][0];
    const edge = doc.edges.find((e) => e.id === id);
    body = edge ? <EdgePanel key={id} doc={doc} edge={edge} /> : null;
  }
  return (
    <section className="nl-inspector" aria-label="Inspector">
      {body}
    </section>
  );
});

/** The inspector for a recurrent layer (LSTM or plain). */
import { memo } from 'react';
import type { NetworkDocument, RecurrentNode } from '../../engine/document';

export const RecurrentPanel = memo(function RecurrentPanel({ node }: { doc: NetworkDocument; node: RecurrentNode }) {
  return (
    <div className="nl-panel">
      <h2 className="nl-section-title">{node.label}</h2>
      <p>
        {node.cell === 'lstm' ? 'LSTM cell' : 'Plain recurrent layer'}, {node.size} units, {node.outputs === 'last' ? 'sequence to one' : 'sequence to sequence'}.
      </p>
    </div>
  );
});

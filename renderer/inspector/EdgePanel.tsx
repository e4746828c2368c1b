/** The inspector for one connection: its weight, or its matrix as a summary, a weight image and (when small) a grid of fields. */
import { memo } from 'react';
import type { NetworkDocument, NetworkEdge } from '../../engine/document';
import { fmt } from '../app/format';
import { removeElements, setFrozen, setWeight } from '../graph/edit';
import { meanAbs } from '../graph/mapping';
import { useRuntimeStore } from '../store/context';
import { CheckField, Section } from './fields';
import { NumberField } from './NumberField';
import { ParamControl } from './ParamControl';
import { coalesce, useEdit } from './use-edit';

const GRID_LIMIT = 8;

export const EdgePanel = memo(function EdgePanel({ doc, edge }: { doc: NetworkDocument; edge: NetworkEdge }) {
  const edit = useEdit();
  const runtime = useRuntimeStore();
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const from = labels.get(edge.source) ?? edge.source;
  const to = labels.get(edge.target) ?? edge.target;
  const w = edge.weights;
  const target = doc.nodes.find((n) => n.id === edge.target);
  const flat = w?.flat() ?? [];
  return (
    <>
      <header className="nl-inspector-header">
        <span className="nl-badge nl-kind-edge">Connection</span>
        <h2 data-testid="inspector-title">
          {from} → {to}
        </h2>
      </header>
      {!w ? (
        <p className="nl-hint">This connection tells the Output which units are the prediction. It carries no weight.</p>
      ) : w.length === 1 && w[0].length === 1 ? (
        <ParamControl label="Weight w" value={w[0][0]} testId="edge-weight" onChange={(v, g) => edit('Set weight', (d) => setWeight(d, edge.id, 0, 0, v), coalesce(`w:${edge.id}`, g))} />
      ) : (
        <Section title={`Weights: ${w.length}×${w[0]?.length ?? 0}`}>
          <p className="nl-hint" data-testid="edge-rows">
            {target?.kind === 'recurrent' && target.cell === 'lstm' ? (
              <>
                The seed&apos;s W_r, W_s, W_f and W_l stacked: rows 1–{target.size} feed the rem gate of units 1–{target.size} of “{to}”, the next {target.size} the
                save gate, then focus, then the candidate ltm′; column k holds the weights from feature k of “{from}”.
              </>
            ) : (
              <>
                Row j holds the weights into unit j of “{to}”; column k those from unit k of “{from}”.
              </>
            )}{' '}
            Mean |w| {fmt(meanAbs(w), 3)}, from {fmt(Math.min(...flat))} to {fmt(Math.max(...flat))}.
          </p>
          <button type="button" className="nl-button is-small" onClick={() => runtime.getState().openDialog({ kind: 'weights', edgeId: edge.id })}>
            Open as weight image
          </button>
          {w.length <= GRID_LIMIT && (w[0]?.length ?? 0) <= GRID_LIMIT && (
            <table className="nl-matrix-grid">
              <tbody>
                {w.map((row, j) => (
                  <tr key={j}>
                    {row.map((v, k) => (
                      <td key={k}>
                        <NumberField label={`w[${j + 1}][${k + 1}]`} hideLabel value={v} onCommit={(x) => edit('Set weight', (d) => setWeight(d, edge.id, j, k, x))} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      )}
      {w && (
        <CheckField
          label="Freeze weights"
          checked={edge.frozen ?? false}
          hint="Training leaves frozen weights alone."
          onChange={(on) => edit(on ? 'Freeze weights' : 'Thaw weights', (d) => setFrozen(d, [], [edge.id], on))}
        />
      )}
      <button type="button" className="nl-button is-danger is-small nl-delete" onClick={() => edit('Delete connection', (d) => removeElements(d, [], [edge.id]))}>
        Delete connection
      </button>
    </>
  );
});

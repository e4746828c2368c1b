/** A lesson's examples as a table: the inputs, what the network outputs, and the target when there is one. */
import { memo, useMemo } from 'react';
import { forward } from '../../engine/forward';
import { fmt } from '../app/format';
import { compiled, workspaceFor } from '../graph/probe';
import { useDoc } from '../store/context';
import { useViewState } from './use-view-state';

export const TruthTableView = memo(function TruthTableView() {
  const doc = useDoc((s) => s.doc);
  const examples = useViewState().examples;
  const c = compiled(doc);
  const rows = useMemo(() => {
    if (!c.plan || !examples) return null;
    const plan = c.plan;
    if (examples.inputs.some((x) => x.length !== plan.inputSize)) return null;
    const ws = workspaceFor(plan);
    return examples.inputs.map((x) => Array.from(forward(plan, ws, x)));
  }, [c.plan, examples]);
  if (!examples) return <p className="nl-view-empty">This project has no table of examples.</p>;
  if (c.error) return <p className="nl-view-empty nl-field-error">{c.error}</p>;
  if (!rows) return <p className="nl-view-empty">The examples do not fit this network’s inputs any more.</p>;
  const inNames = examples.inputNames ?? examples.inputs[0].map((_, i) => `x${i + 1}`);
  const outNames = examples.outputNames ?? (rows[0] ?? []).map((_, j) => `y${j + 1}`);
  return (
    <div className="nl-table-wrap">
      <table className="nl-truth" data-testid="truth-table">
        <thead>
          <tr>
            {inNames.map((n) => (
              <th key={`i${n}`} scope="col">
                {n}
              </th>
            ))}
            {outNames.map((n) => (
              <th key={`o${n}`} scope="col" className="nl-truth-out">
                {n}
              </th>
            ))}
            {examples.targets &&
              outNames.map((n) => (
                <th key={`t${n}`} scope="col">
                  target {n}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {examples.inputs.map((x, i) => (
            <tr key={i}>
              {x.map((v, k) => (
                <td key={`i${k}`}>{fmt(v)}</td>
              ))}
              {rows[i].map((v, j) => {
                const t = examples.targets?.[i]?.[j];
                const ok = t === undefined ? null : Math.abs(v - t) < 0.5;
                return (
                  <td key={`o${j}`} className={`nl-truth-out${ok === null ? '' : ok ? ' is-right' : ' is-wrong'}`}>
                    {fmt(v, 4)}
                  </td>
                );
              })}
              {examples.targets?.[i]?.map((t, j) => <td key={`t${j}`}>{fmt(t)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/**
 * A truth table for a network with discrete inputs: every 0/1 input (or a
 * lesson's own rows), the outputs, the outputs read as bits, and whether
 * each row matches the lesson's target.
 */
import { memo, useMemo } from 'react';
import type { NetworkDocument } from '../../../engine/document';
import type { LessonExamples } from '../../../engine/lessons/types';
import { formatMetric } from '../format';
import { csvTable } from '../transforms';
import { truthTable, truthTableProblem, type TruthTableData } from '../truth-table';
import { ChartFrame } from './ChartFrame';

export interface TruthTableProps {
  network: NetworkDocument;
  /** A lesson's rows (and targets); without them every 0/1 input is listed. */
  examples?: LessonExamples;
}

function tableCsv(t: TruthTableData): string {
  const head = [...t.inputNames, ...t.outputNames.map((n) => `${n} output`), ...t.outputNames.map((n) => `${n} bit`)];
  const hasTargets = t.rows.some((r) => r.targets);
  if (hasTargets) head.push(...t.outputNames.map((n) => `${n} target`));
  return csvTable([head, ...t.rows.map((r) => [...r.inputs, ...r.outputs, ...r.bits, ...(hasTargets ? (r.targets ?? []) : [])])]);
}

export const TruthTable = memo(function TruthTable({ network, examples }: TruthTableProps) {
  const result = useMemo((): TruthTableData | string => {
    const problem = truthTableProblem(network, examples);
    if (problem) return problem;
    try {
      return truthTable(network, examples);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [network, examples]);
  const t = typeof result === 'string' ? null : result;
  const hasTargets = Boolean(t?.rows.some((r) => r.targets));
  const right = t ? t.rows.filter((r) => r.correct).length : 0;
  return (
    <ChartFrame title="Truth table" csv={t ? () => tableCsv(t) : undefined} png={false} testId="truth-table-view">
      {!t ? (
        <p className="nl-tr-empty">{result as string}</p>
      ) : (
        <>
          {hasTargets && (
            <p className="nl-tr-caption">
              {right} of {t.rows.length} rows as the lesson wants them.
            </p>
          )}
          <div className="nl-tr-table-wrap">
            <table className="nl-tr-table">
              <thead>
                <tr>
                  {t.inputNames.map((n, i) => (
                    <th key={`i${i}`} scope="col" className="is-input">
                      {n}
                    </th>
                  ))}
                  {t.outputNames.map((n, j) => (
                    <th key={`o${j}`} scope="col">
                      {n}
                    </th>
                  ))}
                  {hasTargets && <th scope="col">target</th>}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r, k) => (
                  <tr key={k} className={r.correct === false ? 'is-wrong' : undefined}>
                    {r.inputs.map((v, i) => (
                      <td key={`i${i}`} className="is-input">
                        {formatMetric(v)}
                      </td>
                    ))}
                    {r.outputs.map((v, j) => (
                      <td key={`o${j}`} title={`output ${v}`}>
                        <strong>{r.bits[j]}</strong> <span className="nl-tr-muted">({formatMetric(v)})</span>
                      </td>
                    ))}
                    {hasTargets && (
                      <td>
                        {r.targets?.join(' ')} {r.correct ? '✓' : '✗'}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ChartFrame>
  );
});

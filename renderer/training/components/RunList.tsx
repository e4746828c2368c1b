/** The current run and the runs kept for comparison, in the colours the charts draw them in. */
import { memo } from 'react';
import { useTraining, useTrainingStore } from '../context';
import { formatMetric, formatPercent } from '../format';
import { describeHyperparameters } from '../settings';
import { runColor } from '../transforms';

export const RunList = memo(function RunList() {
  const store = useTrainingStore();
  const runs = useTraining((s) => s.runs);
  const current = useTraining((s) => s.currentRunId);
  if (runs.length === 0) return null;
  const shown = runs.filter((r) => r.epochs.length > 0 || r.id === current);
  return (
    <div className="nl-tr-runs">
      <h4 className="nl-tr-runs-title">Runs</h4>
      <ul>
        {shown.map((r) => {
          const last = r.epochs.at(-1);
          const index = runs.filter((x) => x.epochs.length > 0).indexOf(r);
          return (
            <li key={r.id} className="nl-tr-run" data-testid={`run-${r.id}`}>
              <span className="nl-tr-swatch" style={{ background: index >= 0 ? runColor(index) : 'transparent' }} aria-hidden />
              <span className="nl-tr-run-text">
                <strong>{r.label}</strong> · {r.datasetLabel} · {describeHyperparameters(r.hyperparameters, r.seed)}
                {last && (
                  <span className="nl-tr-muted">
                    {' '}
                    · epoch {last.epoch}: cost {formatMetric(last.trainingCost)}
                    {last.testAccuracy !== null && <>, accuracy {formatPercent(last.testAccuracy)}</>}
                    {last.testDeviation !== null && <>, mean |a − y| {formatMetric(last.testDeviation)}</>}
                  </span>
                )}
              </span>
              <label className="nl-tr-check">
                <input type="checkbox" checked={r.kept} onChange={(e) => store.getState().keepRun(r.id, e.target.checked)} />
                keep to compare
              </label>
              {r.id !== current && (
                <button type="button" className="nl-tr-button is-small" onClick={() => store.getState().removeRun(r.id)} aria-label={`Remove ${r.label}`}>
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});

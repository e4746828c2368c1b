/** Where training is: status, a progress bar with epoch, speed and time left; a diverged run's hint; errors. */
import { memo } from 'react';
import type { TrainerStatus } from '../../../engine/protocol/messages';
import { useTraining, useTrainingStore } from '../context';
import { formatDuration, formatInteger } from '../format';
import { isRecurrentNetwork } from '../../../engine/recurrent/network';

const STATUS_TEXT: Record<TrainerStatus, string> = {
  idle: 'Ready',
  loading: 'Loading the dataset…',
  running: 'Training',
  paused: 'Paused',
  stopped: 'Stopped',
  done: 'Done',
  diverged: 'Diverged',
  failed: 'Failed',
};

export const TrainingStatus = memo(function TrainingStatus() {
  const store = useTrainingStore();
  const status = useTraining((s) => s.status);
  const progress = useTraining((s) => s.progress);
  const divergence = useTraining((s) => s.divergence);
  const error = useTraining((s) => s.error);
  const eta = useTraining((s) => s.settings.hyperparameters.eta);
  const info = useTraining((s) => s.runs.find((r) => r.id === s.currentRunId)?.info ?? null);
  const sequences = useTraining((s) => {
    const run = s.runs.find((r) => r.id === s.currentRunId);
    return run ? isRecurrentNetwork(run.network) : false;
  });
  // A finished run is all the way, whatever its last progress report said.
  const fraction = status === 'done' ? 1 : progress ? Math.max(0, Math.min(1, progress.fraction)) : 0;
  const epochShown = progress ? Math.min(progress.epochs, progress.epoch + (progress.batch > 0 || progress.fraction < 1 ? 1 : 0)) : 0;

  return (
    <div className="nl-tr-status" data-testid="training-status" data-status={status}>
      <div className="nl-tr-status-line">
        <span className={`nl-tr-badge is-${status}`} data-testid="status-badge">
          {STATUS_TEXT[status]}
        </span>
        {progress && (
          <span className="nl-tr-status-numbers" data-testid="progress-text">
            epoch {formatInteger(Math.max(1, epochShown))} of {formatInteger(progress.epochs)} · mini-batch {formatInteger(progress.batch)} of {formatInteger(progress.batchesPerEpoch)} ·{' '}
            {formatInteger(progress.examplesPerSecond)} examples/s
            {status === 'running' && <> · {formatDuration(progress.etaSeconds)} left</>}
          </span>
        )}
      </div>
      <div
        className="nl-tr-progress"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(100 * fraction)}
        aria-valuetext={progress ? `${Math.round(100 * fraction)}%, epoch ${epochShown} of ${progress.epochs}` : 'not started'}
      >
        <div className={`nl-tr-progress-fill is-${status}`} style={{ width: `${100 * fraction}%` }} />
      </div>
      {info && (
        <p className="nl-tr-muted">
          {formatInteger(info.trainCount)} training and {formatInteger(info.testCount)} test {sequences ? 'sequences' : 'examples'} · {info.kernel} kernel
        </p>
      )}
      {status === 'diverged' && divergence && (
        <div className="nl-tr-diverged" role="alert" data-testid="diverged">
          <p>
            <strong>The run diverged</strong> in epoch {divergence.epoch}, mini-batch {divergence.batch}. {divergence.hint}
          </p>
          <button
            type="button"
            className="nl-tr-button"
            onClick={() => {
              store.getState().setHyperparameters({ eta: eta / 10 });
              store.getState().resetToInitialWeights();
            }}
          >
            Lower η to {eta / 10} and start again from the same weights
          </button>
        </div>
      )}
      {error && (
        <div className="nl-tr-error" role="alert" data-testid="training-error">
          <span>{error}</span>
          <button type="button" className="nl-tr-button is-small" onClick={() => store.getState().dismissError()} aria-label="Dismiss the message">
            ✕
          </button>
        </div>
      )}
    </div>
  );
});

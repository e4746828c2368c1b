/**
 * Train, Pause, Resume, Step (one mini-batch or one epoch), Stop, and the
 * two weight commands (back to this run's initial weights; fresh weights
 * from a new seed), with keyboard shortcuts in the manner of a debugger.
 * The commands and their keys are in ../commands.ts; the app's one key
 * handler (renderer/app/commands.ts) listens for them.
 */
import { memo } from 'react';
import type { NetworkDocument } from '../../../engine/document';
import { enabledCommands, hasStartedRun, runCommand, SHORTCUTS, type TrainingCommand } from '../commands';
import { useTraining, useTrainingStore } from '../context';
import { knownShape } from '../data/renderer-datasets';
import { useFit } from '../hooks';

export interface TrainingControlsProps {
  network: NetworkDocument;
}

export const TrainingControls = memo(function TrainingControls({ network }: TrainingControlsProps) {
  const store = useTrainingStore();
  const status = useTraining((s) => s.status);
  const hasRun = useTraining(hasStartedRun);
  const stepping = useTraining((s) => s.stepsInFlight > 1);
  const dataset = useTraining((s) => s.settings.dataset);
  const on = enabledCommands(status, hasRun);
  const fit = useFit(network, knownShape(dataset));

  const button = (command: TrainingCommand, label: string, title: string, primary = false, disabled = false) => (
    <button
      type="button"
      className={`nl-tr-button${primary ? ' is-primary' : ''}`}
      disabled={!on.has(command) || disabled}
      onClick={() => runCommand(store, command, network)}
      title={`${title} (${SHORTCUTS[command]})`}
      aria-keyshortcuts={SHORTCUTS[command]}
      data-testid={`cmd-${command}`}
    >
      {label}
      <kbd className="nl-tr-kbd">{SHORTCUTS[command]}</kbd>
    </button>
  );

  return (
    <div className="nl-tr-controls" role="toolbar" aria-label="Training">
      <div className="nl-tr-controls-row">
        {status === 'paused'
          ? button('resume', 'Resume', 'Carry on training', true)
          : status === 'running' || status === 'loading'
            ? button('pause', 'Pause', 'Pause between two mini-batches', true)
            : button(
                'train',
                'Train',
                !dataset ? 'Choose a dataset first' : fit.ok ? 'Start training the network on the dataset' : `Cannot train: ${fit.problems[0]}`,
                true,
                !dataset || !fit.ok,
              )}
        {button('stop', 'Stop', 'End this run; the weights stay as they are')}
      </div>
      <div className="nl-tr-controls-row">
        {button('step', 'Step', 'Run one mini-batch, then pause')}
        {button('stepEpoch', stepping ? 'Stepping…' : 'Step epoch', 'Run to the end of this epoch, then pause', false, stepping)}
      </div>
      <div className="nl-tr-controls-row">
        {button('reset', 'Reset weights', 'Back to the initial weights: start this run again from exactly the weights it started with (same seed, same shuffles)')}
        {button('reRandomise', 'Re-randomise', 'Draw fresh weights with a new seed')}
      </div>
    </div>
  );
});

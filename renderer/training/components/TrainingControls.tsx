/**
 * Train, Pause, Resume, Step (one mini-batch or one epoch), Stop, and the
 * two weight commands (back to this run's initial weights; fresh weights
 * from a new seed), with keyboard shortcuts in the manner of a debugger.
 */
import { memo, useEffect } from 'react';
import type { NetworkDocument } from '../../../engine/document';
import type { TrainerStatus } from '../../../engine/protocol/messages';
import { useTraining, useTrainingStore } from '../context';
import { knownShape } from '../data/renderer-datasets';
import { checkFit } from '../fit';
import type { TrainingStore } from '../store';

export interface TrainingControlsProps {
  network: NetworkDocument;
  /** Listen for the keyboard shortcuts on the window (default true). */
  shortcuts?: boolean;
}

export type TrainingCommand = 'train' | 'pause' | 'resume' | 'step' | 'stepEpoch' | 'stop' | 'reset' | 'reRandomise';

export const SHORTCUTS: Readonly<Record<TrainingCommand, { key: string; shift?: boolean; label: string }>> = {
  train: { key: 'F5', label: 'F5' },
  resume: { key: 'F5', label: 'F5' },
  pause: { key: 'F6', label: 'F6' },
  stop: { key: 'F5', shift: true, label: 'Shift+F5' },
  step: { key: 'F10', label: 'F10' },
  stepEpoch: { key: 'F9', label: 'F9' },
  reset: { key: 'F8', shift: true, label: 'Shift+F8' },
  reRandomise: { key: 'F8', label: 'F8' },
};

/** Which commands make sense in a status. */
export function enabledCommands(status: TrainerStatus, hasRun: boolean): Set<TrainingCommand> {
  const on = new Set<TrainingCommand>(['reRandomise']);
  if (status === 'running') ['pause', 'step', 'stepEpoch', 'stop'].forEach((c) => on.add(c as TrainingCommand));
  else if (status === 'paused') ['resume', 'step', 'stepEpoch', 'stop'].forEach((c) => on.add(c as TrainingCommand));
  else if (status === 'loading') on.add('stop');
  if (status !== 'running' && status !== 'paused' && status !== 'loading') on.add('train');
  if (hasRun) on.add('reset');
  return on;
}

/** Runs a training command against the store (the shell's menus can call this too). */
export function runCommand(store: TrainingStore, command: TrainingCommand, network: NetworkDocument): void {
  const s = store.getState();
  switch (command) {
    case 'train':
      s.train({ network });
      return;
    case 'pause':
      return s.pause();
    case 'resume':
      return s.resume();
    case 'step':
      return s.step();
    case 'stepEpoch':
      return s.stepEpoch();
    case 'stop':
      return s.stop();
    case 'reset':
      s.resetToInitialWeights();
      return;
    case 'reRandomise':
      return s.reRandomise(network);
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const TrainingControls = memo(function TrainingControls({ network, shortcuts = true }: TrainingControlsProps) {
  const store = useTrainingStore();
  const status = useTraining((s) => s.status);
  const hasRun = useTraining((s) => s.runs.some((r) => r.id === s.currentRunId && r.initialParams !== null));
  const stepping = useTraining((s) => s.stepsInFlight > 1);
  const dataset = useTraining((s) => s.settings.dataset);
  const on = enabledCommands(status, hasRun);
  const fit = checkFit(network, knownShape(dataset));

  useEffect(() => {
    if (!shortcuts) return;
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const ours = (Object.keys(SHORTCUTS) as TrainingCommand[]).filter((c) => SHORTCUTS[c].key === e.key && Boolean(SHORTCUTS[c].shift) === e.shiftKey);
      if (ours.length === 0) return;
      // Ours even when there is nothing to do: F5 must never reload the page in the middle of a run.
      e.preventDefault();
      const now = enabledCommands(store.getState().status, store.getState().runs.some((r) => r.initialParams !== null));
      const hit = ours.find((c) => now.has(c));
      if (hit) runCommand(store, hit, network);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts, store, network]);

  const button = (command: TrainingCommand, label: string, title: string, primary = false, disabled = false) => (
    <button
      type="button"
      className={`nl-tr-button${primary ? ' is-primary' : ''}`}
      disabled={!on.has(command) || disabled}
      onClick={() => runCommand(store, command, network)}
      title={`${title} (${SHORTCUTS[command].label})`}
      aria-keyshortcuts={SHORTCUTS[command].label.replace('Shift+', 'Shift+')}
      data-testid={`cmd-${command}`}
    >
      {label}
      <kbd className="nl-tr-kbd">{SHORTCUTS[command].label}</kbd>
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
        {button('step', 'Step', 'Run one mini-batch, then pause')}
        {button('stepEpoch', stepping ? 'Stepping…' : 'Step epoch', 'Run to the end of this epoch, then pause', false, stepping)}
        {button('stop', 'Stop', 'End this run; the weights stay as they are')}
      </div>
      <div className="nl-tr-controls-row">
        {button('reset', 'Reset to initial weights', 'Start this run again from exactly the weights it started with (same seed, same shuffles)')}
        {button('reRandomise', 'Re-randomise', 'Draw fresh weights with a new seed')}
      </div>
    </div>
  );
});

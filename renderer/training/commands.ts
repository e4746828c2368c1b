/**
 * The training commands, their keys and when each makes sense: the training
 * panel's buttons and the app's menus and key handler share them.
 */
import type { NetworkDocument } from '../../engine/document';
import type { TrainerStatus } from '../../engine/protocol/messages';
import type { TrainingState, TrainingStore } from './store';

export type TrainingCommand = 'train' | 'pause' | 'resume' | 'step' | 'stepEpoch' | 'stop' | 'reset' | 'reRandomise';

/** The keys, in the app's shortcut notation (renderer/app/shortcuts.ts). */
export const SHORTCUTS: Readonly<Record<TrainingCommand, string>> = {
  train: 'F5',
  resume: 'F5',
  pause: 'F6',
  stop: 'Shift+F5',
  step: 'F10',
  stepEpoch: 'F9',
  reset: 'Shift+F8',
  reRandomise: 'F8',
};

/** Whether the current run has started (so it can be reset to its initial weights). */
export function hasStartedRun(s: TrainingState): boolean {
  return s.runs.some((r) => r.id === s.currentRunId && r.initialParams !== null);
}

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

/** The Train menu's and the F-keys' actions, against the training store and the canvas's network. */
import { useMemo } from 'react';
import { useDocStore, useRuntimeStore } from '../store/context';
import { enabledCommands, hasStartedRun, runCommand, useTrainingStore } from '../training';
import { exportFirstFrame } from '../training/export';
import type { TrainingActions } from './commands';

/** Where "Export chart" looks: the tab the views panel shows. */
export const VIEW_PANEL_SELECTOR = '.nl-views [role="tabpanel"]';

export function useTrainingActions(): TrainingActions {
  const training = useTrainingStore();
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  return useMemo(
    (): TrainingActions => ({
      run(command) {
        const s = training.getState();
        const c = command === 'train' && s.status === 'paused' ? 'resume' : command;
        if (!enabledCommands(s.status, hasStartedRun(s)).has(c)) return;
        // Whoever starts a run wants to see it go.
        if (c === 'train') runtime.getState().setSideTab('training');
        runCommand(training, c, docs.getState().doc);
      },
      exportChart() {
        const notify = runtime.getState().notify;
        const panel = document.querySelector(VIEW_PANEL_SELECTOR);
        exportFirstFrame(panel ?? document.createElement('div')).then(
          (saved) => {
            if (!saved) notify('There is no chart to export here: open the Training, Speed of learning or Digits view first.', 'info');
          },
          (e: unknown) => notify(`The chart could not be exported: ${e instanceof Error ? e.message : String(e)}`, 'error'),
        );
      },
    }),
    [training, docs, runtime],
  );
}

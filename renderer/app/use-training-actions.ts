/** The Train menu's and the F-keys' actions, against the training store and the canvas's network. */
import { useMemo } from 'react';
import { useDocStore, useRuntimeStore } from '../store/context';
import { enabledCommands, hasStartedRun, runCommand, useTrainingStore } from '../training';
import { useExportFile } from '../training/context';
import { elementToPng, exportFirstFrame, fileStem, hasChart, type ExportFile } from '../training/export';
import type { TrainingActions } from './commands';

/** Where "Export chart" looks: the tab the views panel shows (it names its view in data-export-title). */
export const VIEW_PANEL_SELECTOR = '.nl-views [role="tabpanel"]';

export type ExportOutcome = { saved: true } | { saved: false; message: string };

/**
 * Saves the view on screen as a PNG: a training view through its own frame
 * (the same picture as its PNG button), any other view drawn as it is.
 * When there is nothing to draw it says why.
 */
export async function exportView(panel: HTMLElement | null, exportFile: ExportFile): Promise<ExportOutcome> {
  if (!panel) return { saved: false, message: 'There is no chart on screen to export: show the views (View ▸ Views) first.' };
  if (await exportFirstFrame(panel)) return { saved: true };
  const title = panel.dataset.exportTitle ?? 'View';
  if (!hasChart(panel)) {
    const why = panel.querySelector('[data-export-none]')?.getAttribute('data-export-none');
    if (why) return { saved: false, message: why };
    const empty = panel.querySelector('.nl-view-empty, .nl-tr-empty')?.textContent?.trim();
    return { saved: false, message: `The ${title} view has no chart to export${empty ? `: ${empty}` : ' yet.'}` };
  }
  await exportFile(`${fileStem(title)}.png`, await elementToPng(panel, title), 'png');
  return { saved: true };
}

export function useTrainingActions(): TrainingActions {
  const training = useTrainingStore();
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const exportFile = useExportFile();
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
        exportView(document.querySelector<HTMLElement>(VIEW_PANEL_SELECTOR), exportFile).then(
          (outcome) => {
            if (!outcome.saved) notify(outcome.message, 'info');
          },
          (e: unknown) => notify(`The chart could not be exported: ${e instanceof Error ? e.message : String(e)}`, 'error'),
        );
      },
    }),
    [training, docs, runtime, exportFile],
  );
}

/** The training panel: dataset, hyperparameters, the commands, progress, and the runs. */
import { memo } from 'react';
import type { NetworkDocument } from '../../../engine/document';
import type { LessonExamples } from '../../../engine/lessons/types';
import type { Hyperparameters } from '../../../engine/project';
import { DatasetPicker } from './DatasetPicker';
import { HyperparameterForm } from './HyperparameterForm';
import { RunList } from './RunList';
import { TrainingControls } from './TrainingControls';
import { TrainingStatus } from './TrainingStatus';
import '../training.css';

export interface TrainingPanelProps {
  /** The network on the canvas now: what Train trains and what Re-randomise draws weights for. */
  network: NetworkDocument;
  /** The lesson's (or project's) own hyperparameters, for the Defaults button. */
  defaults?: Partial<Hyperparameters>;
  /** Desktop: Host.chooseDataFile; without it a file picker reads the files in the page. */
  chooseDataFile?: () => Promise<string | null>;
  /** A lesson's own examples (project.view.examples): offered as a dataset when they have targets. */
  examples?: LessonExamples;
}

export const TrainingPanel = memo(function TrainingPanel({ network, defaults, chooseDataFile, examples }: TrainingPanelProps) {
  return (
    <section className="nl-tr-panel" aria-label="Training" data-testid="training-panel">
      <TrainingControls network={network} />
      <TrainingStatus />
      <DatasetPicker network={network} chooseDataFile={chooseDataFile} examples={examples} />
      <HyperparameterForm network={network} defaults={defaults} />
      <RunList />
    </section>
  );
});

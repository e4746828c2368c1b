/** What the app shell mounts: the store and its provider, the panel, and the views. */
export { createTrainingStore, isActive, type Run, type TrainingState, type TrainingStore, type WeightSnapshot } from './store';
export { TrainingProvider, useTraining, useTrainingStore } from './context';
export { settingsFor, savedSettings, DEFAULT_SETTINGS, type TrainingSettings } from './settings';
export { weightsIntoDocument } from './weights';
export { TrainingPanel, type TrainingPanelProps } from './components/TrainingPanel';
export { TrainingControls } from './components/TrainingControls';
export { enabledCommands, hasStartedRun, runCommand, SHORTCUTS, type TrainingCommand } from './commands';
export { TrainingChart } from './components/TrainingChart';
export { SpeedOfLearningChart } from './components/SpeedOfLearningChart';
export { ConfusionMatrix } from './components/ConfusionMatrix';
export { MisclassifiedDigits } from './components/MisclassifiedDigits';
export { DigitDrawPad } from './components/DigitDrawPad';
export { TruthTable } from './components/TruthTable';
export { examplesUpload, uploadFromFiles, loadUploadedDataset } from '../../engine/datasets/uploaded';

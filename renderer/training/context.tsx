/**
 * The training store and the export function, handed down by context so
 * the panel and every view share one store, made once by the app shell.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { downloadFile, type ExportFile } from './export';
import type { TrainingState, TrainingStore } from './store';

interface TrainingContextValue {
  store: TrainingStore;
  exportFile: ExportFile;
}

const TrainingContext = createContext<TrainingContextValue | null>(null);

export interface TrainingProviderProps {
  store: TrainingStore;
  /** Saves a chart (PNG) or metrics (CSV): pass the Host's exportFile; without it the browser downloads the file. */
  exportFile?: ExportFile;
  children: ReactNode;
}

export function TrainingProvider({ store, exportFile = downloadFile, children }: TrainingProviderProps) {
  return <TrainingContext.Provider value={{ store, exportFile }}>{children}</TrainingContext.Provider>;
}

function useTrainingContext(): TrainingContextValue {
  const value = useContext(TrainingContext);
  if (!value) throw new Error('TrainingProvider is missing above this component');
  return value;
}

export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(useTrainingContext().store, selector);
}

export function useTrainingStore(): TrainingStore {
  return useTrainingContext().store;
}

export function useExportFile(): ExportFile {
  return useTrainingContext().exportFile;
}

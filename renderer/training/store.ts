/**
 * The training runtime store: what the trainer is doing (status, progress,
 * the runs with their per-epoch metrics, the latest finite weights,
 * divergence, errors) and the commands that drive it. It talks to a
 * TrainerConnection (a Web Worker or Electron's utility process) and never
 * to the document: the app shell copies `weights` onto the canvas.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NetworkDocument } from '../../engine/document';
import { InputError } from '../../engine/errors';
import type { ProgressEvent, StartRequest, TrainerEvent, TrainerRequest, TrainerStatus } from '../../engine/protocol/messages';
import { parseTrainerRequest } from '../../engine/protocol/validate';
import type { DatasetChoice, Hyperparameters } from '../../engine/project';
import type { Divergence, EpochMetrics } from '../../engine/train';
import type { TrainerConnection } from '../platform/host';
import { datasetLabel, DEFAULT_SETTINGS, freshSeed, type TrainingSettings } from './settings';
import { allFinite, drawInitialWeights, layoutOf, weightsIntoDocument } from './weights';

export interface RunInfo {
  kernel: string;
  trainCount: number;
  testCount: number;
  batchesPerEpoch: number;
  epochs: number;
}

export interface Run {
  id: number;
  /** "Run 3". */
  label: string;
  dataset: DatasetChoice;
  datasetLabel: string;
  hyperparameters: Hyperparameters;
  seed: number;
  /** The network the run started from: snapshots are its parameters in compile order. */
  network: NetworkDocument;
  layout: string;
  /** The weights the first mini-batch started from (the host's first snapshot). */
  initialParams: Float64Array | null;
  epochs: EpochMetrics[];
  status: TrainerStatus;
  info: RunInfo | null;
  divergence: Divergence | null;
  /** Kept runs stay for comparison when a new one starts; others are replaced. */
  kept: boolean;
}

export interface WeightSnapshot {
  /** Null for weights drawn by "Re-randomise" before any run. */
  runId: number | null;
  epoch: number;
  batch: number;
  params: Float64Array;
  network: NetworkDocument;
  layout: string;
}

export interface Position {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
}

export interface TrainInput {
  network: NetworkDocument;
  dataset?: DatasetChoice;
  hyperparameters?: Hyperparameters;
  seed?: number;
  /** Draw fresh weights from the seed first (default: the settings' choice). */
  initialise?: boolean;
  /** Start paused, to step from the first mini-batch. */
  paused?: boolean;
}

export type HyperparameterPatch = Partial<Hyperparameters>;

export interface TrainingState {
  settings: TrainingSettings;
  status: TrainerStatus;
  progress: ProgressEvent | null;
  position: Position | null;
  runs: Run[];
  currentRunId: number | null;
  /** The latest finite weights (a diverged run keeps its last finite ones). */
  weights: WeightSnapshot | null;
  divergence: Divergence | null;
  error: string | null;
  /** Mini-batch steps sent and not yet answered (Step epoch sends many). */
  stepsInFlight: number;

  train(input: TrainInput): boolean;
  pause(): void;
  resume(): void;
  step(): void;
  stepEpoch(): void;
  stop(): void;
  /** Restarts the current run from exactly its initial weights, with the same seed and the current settings. */
  resetToInitialWeights(): boolean;
  /** A new seed and fresh weights for `network`; a run in progress restarts from them. */
  reRandomise(network: NetworkDocument, seed?: number): void;
  setHyperparameters(patch: HyperparameterPatch): void;
  setDataset(choice: DatasetChoice | null): void;
  setSeed(seed: number): void;
  setInitialise(initialise: boolean): void;
  /** Replaces the settings (a project or a lesson was opened). */
  loadSettings(settings: TrainingSettings): void;
  /**
   * Another project was opened: the trainer of this one ends (its worker or
   * process goes), the runs and weights are forgotten, and `settings` apply.
   */
  startAfresh(settings: TrainingSettings): void;
  keepRun(id: number, kept: boolean): void;
  removeRun(id: number): void;
  clearRuns(): void;
  dismissError(): void;
  dispose(): void;
}

export type TrainingStore = StoreApi<TrainingState>;

/** Settings the trainer takes while a run goes on (from the next epoch). */
const LIVE_KEYS = ['eta', 'lambda', 'batchSize', 'epochs'] as const;

const ACTIVE: readonly TrainerStatus[] = ['loading', 'running', 'paused'];
const FINISHED: readonly TrainerStatus[] = ['stopped', 'done', 'diverged', 'failed'];

export function isActive(status: TrainerStatus): boolean {
  return ACTIVE.includes(status);
}

export function createTrainingStore(connect: () => TrainerConnection, initial: TrainingSettings = DEFAULT_SETTINGS): TrainingStore {
  let connection: TrainerConnection | null = null;
  let unsubscribe: (() => void) | null = null;
  let nextRunId = 1;
  /** Start requests posted whose "loading" status has not come back: events until then belong to an older run. */
  let pendingStarts = 0;
  /** Step epoch asked while running: it waits for the pause to land to know where the epoch ends. */
  let epochStepAfterPause = false;

  return createStore<TrainingState>()((set, get) => {
    const post = (request: TrainerRequest): void => {
      if (!connection) {
        connection = connect();
        unsubscribe = connection.onEvent(onEvent);
      }
      connection.post(request);
    };

    /** The runs with one changed (set together with the rest of an event's changes: one render). */
    const runsWith = (id: number | null, patch: Partial<Run> | ((run: Run) => Partial<Run>)): Run[] =>
      get().runs.map((r) => (r.id === id ? { ...r, ...(typeof patch === 'function' ? patch(r) : patch) } : r));

    const sendSteps = (count: number): void => {
      set({ stepsInFlight: get().stepsInFlight + count });
      for (let i = 0; i < count; i++) post({ type: 'step' });
    };

    const stepsToEpochEnd = (): number => {
      const p = get().position;
      if (!p) return 0;
      return p.batchesPerEpoch - p.batch;
    };

    const onEvent = (e: TrainerEvent): void => {
      if (e.type === 'status' && e.status === 'loading' && pendingStarts > 0) pendingStarts--;
      else if (e.type === 'status' && e.status === 'failed' && pendingStarts > 0) pendingStarts = 0; // the worker itself failed
      else if (pendingStarts > 0 && e.type !== 'error') return; // from a run that was replaced
      const runId = get().currentRunId;
      switch (e.type) {
        case 'status': {
          const patch: Partial<TrainingState> = { status: e.status };
          if (e.status === 'failed' && e.message) patch.error = e.message;
          if (FINISHED.includes(e.status) || e.status === 'loading') {
            patch.stepsInFlight = 0;
            epochStepAfterPause = false;
          }
          set({ ...patch, runs: runsWith(runId, { status: e.status }) });
          return;
        }
        case 'started':
          set({
            runs: runsWith(runId, { info: { kernel: e.kernel, trainCount: e.trainCount, testCount: e.testCount, batchesPerEpoch: e.batchesPerEpoch, epochs: e.epochs } }),
            position: { epoch: 0, batch: 0, batchesPerEpoch: e.batchesPerEpoch },
          });
          return;
        case 'progress': {
          set({
            progress: e,
            position: { epoch: e.epoch, batch: e.batch, batchesPerEpoch: e.batchesPerEpoch },
            stepsInFlight: Math.max(0, get().stepsInFlight - 1),
          });
          if (epochStepAfterPause && get().status === 'paused') {
            epochStepAfterPause = false;
            set({ stepsInFlight: 0 });
            sendSteps(stepsToEpochEnd());
          }
          return;
        }
        case 'snapshot': {
          const run = get().runs.find((r) => r.id === runId);
          if (!run || !allFinite(e.params)) return;
          set({
            ...(run.initialParams ? {} : { runs: runsWith(run.id, { initialParams: e.params }) }),
            weights: { runId: run.id, epoch: e.epoch, batch: e.batch, params: e.params, network: run.network, layout: run.layout },
          });
          return;
        }
        case 'epoch':
          set({ runs: runsWith(runId, (r) => ({ epochs: [...r.epochs, e.metrics] })) });
          return;
        case 'diverged':
          set({ runs: runsWith(runId, { divergence: e.divergence }), divergence: e.divergence });
          return;
        case 'done':
          return;
        case 'error':
          set({ error: e.message });
          return;
      }
    };

    const startRun = (request: StartRequest): boolean => {
      let checked: StartRequest;
      let layout: string;
      try {
        checked = parseTrainerRequest(request) as StartRequest;
        layout = layoutOf(request.network);
      } catch (e) {
        set({ error: e instanceof InputError ? e.message : `cannot train: ${(e as Error).message}` });
        return false;
      }
      if (get().status === 'failed' && connection) {
        // The connection may have died with the run (a crashed worker or process): start afresh.
        unsubscribe?.();
        connection.dispose();
        connection = null;
        unsubscribe = null;
        pendingStarts = 0;
      }
      const id = nextRunId++;
      const run: Run = {
        id,
        label: `Run ${id}`,
        dataset: request.dataset,
        datasetLabel: datasetLabel(request.dataset),
        hyperparameters: request.hyperparameters,
        seed: request.seed,
        network: request.network,
        layout,
        initialParams: null,
        epochs: [],
        status: 'loading',
        info: null,
        divergence: null,
        kept: false,
      };
      epochStepAfterPause = false;
      // A new start replaces the host's current run; one kept for comparison ends here.
      const previous = get().runs.map((r) => (r.id === get().currentRunId && isActive(r.status) ? { ...r, status: 'stopped' as const } : r));
      set({
        runs: [...previous.filter((r) => r.kept), run],
        currentRunId: id,
        status: 'loading',
        progress: null,
        position: null,
        divergence: null,
        error: null,
        stepsInFlight: 0,
      });
      pendingStarts++;
      post(checked);
      return true;
    };

    const currentRun = (): Run | undefined => {
      const s = get();
      return s.runs.find((r) => r.id === s.currentRunId);
    };

    return {
      ...idleState(initial),

      train(input) {
        const { settings } = get();
        const dataset = input.dataset ?? settings.dataset;
        if (!dataset) {
          set({ error: 'Choose a dataset to train on first.' });
          return false;
        }
        return startRun({
          type: 'start',
          network: input.network,
          dataset,
          hyperparameters: input.hyperparameters ?? settings.hyperparameters,
          seed: input.seed ?? settings.seed,
          initialise: input.initialise ?? settings.initialise,
          ...(input.paused ? { paused: true } : {}),
        });
      },

      pause() {
        if (get().status === 'running') post({ type: 'pause' });
      },

      resume() {
        if (get().status === 'paused') post({ type: 'resume' });
      },

      step() {
        const { status } = get();
        if (status === 'running' || status === 'paused') sendSteps(1);
      },

      stepEpoch() {
        const { status, stepsInFlight } = get();
        if (stepsInFlight > 0 || epochStepAfterPause) return; // one epoch step at a time
        if (status === 'running') {
          epochStepAfterPause = true;
          post({ type: 'pause' });
        } else if (status === 'paused') {
          sendSteps(stepsToEpochEnd());
        }
      },

      stop() {
        if (isActive(get().status)) post({ type: 'stop' });
      },

      resetToInitialWeights() {
        const run = currentRun();
        if (!run?.initialParams) {
          set({ error: 'There is no run to reset yet: train first.' });
          return false;
        }
        const network = weightsIntoDocument(run.network, run.initialParams, run.layout);
        if (!network) return false;
        const { settings, status } = get();
        const wasRunning = status === 'running' || status === 'loading';
        set({ weights: { runId: run.id, epoch: 0, batch: 0, params: run.initialParams, network: run.network, layout: run.layout } });
        return startRun({
          type: 'start',
          network,
          dataset: settings.dataset ?? run.dataset,
          hyperparameters: settings.hyperparameters,
          seed: run.seed,
          initialise: false,
          ...(wasRunning ? {} : { paused: true }),
        });
      },

      reRandomise(network, seed) {
        const { settings, status } = get();
        const next = seed ?? freshSeed(settings.seed);
        let params: Float64Array;
        let layout: string;
        try {
          params = drawInitialWeights(network, settings.hyperparameters.init, next, settings.hyperparameters.remBias);
          layout = layoutOf(network);
        } catch (e) {
          set({ error: (e as Error).message });
          return;
        }
        set({
          settings: { ...settings, seed: next },
          weights: { runId: null, epoch: 0, batch: 0, params, network, layout },
        });
        if (isActive(status) && settings.dataset) {
          const withWeights = weightsIntoDocument(network, params, layout) ?? network;
          startRun({
            type: 'start',
            network: withWeights,
            dataset: settings.dataset,
            hyperparameters: settings.hyperparameters,
            seed: next,
            initialise: false,
            ...(status === 'paused' ? { paused: true } : {}),
          });
        }
      },

      setHyperparameters(patch) {
        const { settings, status } = get();
        set({ settings: { ...settings, hyperparameters: { ...settings.hyperparameters, ...patch } } });
        if (status !== 'running' && status !== 'paused') return;
        const live: Partial<Pick<Hyperparameters, (typeof LIVE_KEYS)[number]>> = {};
        for (const key of LIVE_KEYS) if (patch[key] !== undefined) live[key] = patch[key];
        if (Object.keys(live).length > 0) post({ type: 'setHyperparameters', patch: live });
      },

      setDataset(choice) {
        set({ settings: { ...get().settings, dataset: choice } });
      },

      setSeed(seed) {
        set({ settings: { ...get().settings, seed } });
      },

      setInitialise(initialise) {
        set({ settings: { ...get().settings, initialise } });
      },

      loadSettings(settings) {
        set({ settings });
      },

      startAfresh(settings) {
        // Ending the connection ends its run at once: none of its events can arrive after this.
        unsubscribe?.();
        connection?.dispose();
        connection = null;
        unsubscribe = null;
        pendingStarts = 0;
        epochStepAfterPause = false;
        nextRunId = 1;
        set(idleState(settings));
      },

      keepRun(id, kept) {
        set({ runs: runsWith(id, { kept }) });
      },

      removeRun(id) {
        if (id === get().currentRunId) return;
        set({ runs: get().runs.filter((r) => r.id !== id) });
      },

      clearRuns() {
        const { runs, currentRunId } = get();
        set({ runs: runs.filter((r) => r.id === currentRunId).map((r) => ({ ...r, kept: false })) });
      },

      dismissError() {
        set({ error: null });
      },

      dispose() {
        unsubscribe?.();
        connection?.dispose();
        connection = null;
        unsubscribe = null;
      },
    };
  });
}

/** The state of a store with no run: where it starts, and where loading new settings returns it. */
function idleState(settings: TrainingSettings) {
  return {
    settings,
    status: 'idle' as const,
    progress: null,
    position: null,
    runs: [],
    currentRunId: null,
    weights: null,
    divergence: null,
    error: null,
    stepsInFlight: 0,
  };
}

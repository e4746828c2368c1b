/**
 * The dataset of the next run: the seed's f(x) and other functions, the toy
 * sets, the digits, or files from disk; with a preview, its sizes, and a
 * check that it fits the network's inputs and outputs before training.
 */
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { CATALOG, catalogEntry, type CatalogEntry } from '../../../engine/datasets/catalog';
import type { Dataset } from '../../../engine/datasets/dataset';
import type { NetworkDocument } from '../../../engine/document';
import type { LessonExamples } from '../../../engine/lessons/types';
import type { DatasetChoice } from '../../../engine/project';
import { useTraining, useTrainingStore } from '../context';
import { loadForViews } from '../data/renderer-datasets';
import { examplesUpload, uploadFromFiles } from '../../../engine/datasets/uploaded';
import type { DataShape } from '../fit';
import { useFit } from '../hooks';
import { formatInteger } from '../format';
import { datasetLabel, EXAMPLES_NAME } from '../settings';
import { DatasetPreview } from './DatasetPreview';
import { SequencePreview } from './SequencePreview';
import { SequenceSettingsForm } from './SequenceSettingsForm';
import { loadSequenceChoice } from '../../../engine/datasets/choice';
import { isSequenceSetName } from '../../../engine/datasets/sequence-sets';
import { isRecurrentNetwork } from '../../../engine/recurrent/network';

export interface DatasetPickerProps {
  network: NetworkDocument;
  /** Desktop: a native dialog that returns a data file's path (Host.chooseDataFile). */
  chooseDataFile?: () => Promise<string | null>;
  /** A lesson's own examples, offered as a dataset when they have targets. */
  examples?: LessonExamples;
}

const SEQUENCES = { label: 'Sequences (LSTM and recurrent networks)', test: (e: CatalogEntry) => e.kind === 'sequence' };
const EXAMPLE_GROUPS: { label: string; test: (e: CatalogEntry) => boolean }[] = [
  { label: 'Functions of x', test: (e) => e.kind === 'function' && e.inputSize === 1 },
  { label: 'Functions of x and y', test: (e) => e.kind === 'function' && e.inputSize === 2 },
  { label: 'Toy classification sets', test: (e) => e.kind === 'toy' },
  { label: 'Images', test: (e) => e.kind === 'images' },
];
// What the network can train on comes first.
const GROUPS_FOR_RECURRENT = [SEQUENCES, ...EXAMPLE_GROUPS];
const GROUPS_FOR_DENSE = [...EXAMPLE_GROUPS, SEQUENCES];

const FILE_VALUE = '__file__';
const EXAMPLES_VALUE = '__examples__';

function valueOf(choice: DatasetChoice | null): string {
  if (!choice) return '';
  if (choice.source === 'upload' && choice.kind === 'examples') return EXAMPLES_VALUE;
  return choice.source === 'builtin' ? choice.name : FILE_VALUE;
}

type Shaped = DataShape & { train: number; test: number };

function isSequenceChoice(choice: DatasetChoice): boolean {
  return (choice.source === 'builtin' && catalogEntry(choice.name)?.kind === 'sequence') || (choice.source === 'upload' && choice.kind === 'sequence-csv');
}

/** The shape of sequence data: of a generated set from its settings, of an uploaded CSV by reading it. */
function sequenceShapeOf(choice: DatasetChoice, seed: number): Shaped | null {
  if (choice.source === 'builtin') {
    const info = catalogEntry(choice.name)?.sequence;
    if (!info) return null;
    const count = choice.sequence?.count ?? info.defaults.count;
    return { ...info.shape(choice.sequence), train: count, test: info.testCount(count) };
  }
  const split = loadSequenceChoice(choice, seed);
  if (!split) return null;
  const d = split.train;
  return { task: d.task, inputSize: d.inputSize, outputSize: d.outputSize, targets: d.targets, train: d.count, test: split.test?.count ?? 0 };
}

/** The shape of the chosen data, known without loading for the built-ins. */
function useShape(choice: DatasetChoice | null, seed: number): { shape: Shaped | null; problem: string | null } {
  const [loaded, setLoaded] = useState<{ data: Dataset; test: Dataset | null } | { problem: string } | null>(null);
  const entry = choice?.source === 'builtin' ? catalogEntry(choice.name) : undefined;
  const sequences = choice !== null && isSequenceChoice(choice);
  const sequenceShape = useMemo((): { shape: Shaped | null; problem: string | null } => {
    if (!choice || !sequences) return { shape: null, problem: null };
    try {
      return { shape: sequenceShapeOf(choice, seed), problem: null };
    } catch (e) {
      return { shape: null, problem: e instanceof Error ? e.message : String(e) };
    }
  }, [choice, seed, sequences]);
  useEffect(() => {
    setLoaded(null);
    if (!choice || choice.source !== 'upload' || sequences) return;
    let live = true;
    loadForViews(choice, seed).then(
      (split) => live && split && setLoaded({ data: split.train, test: split.test }),
      (e: unknown) => live && setLoaded({ problem: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [choice, seed, sequences]);
  if (sequences) return sequenceShape;
  if (entry) return { shape: { inputSize: entry.inputSize, outputSize: entry.outputSize, task: entry.task, train: entry.trainCount, test: entry.testCount }, problem: null };
  if (loaded && 'problem' in loaded) return { shape: null, problem: loaded.problem };
  if (loaded) {
    const d = loaded.data;
    return { shape: { inputSize: d.inputSize, outputSize: d.outputSize, task: d.task, train: d.count, test: loaded.test?.count ?? 0 }, problem: null };
  }
  return { shape: null, problem: null };
}

export const DatasetPicker = memo(function DatasetPicker({ network, chooseDataFile, examples }: DatasetPickerProps) {
  const choice = useTraining((s) => s.settings.dataset);
  const seed = useTraining((s) => s.settings.seed);
  const store = useTrainingStore();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const { shape, problem } = useShape(choice, seed);
  const fit = useFit(network, shape);
  const entry = choice?.source === 'builtin' ? catalogEntry(choice.name) : undefined;

  const onFiles = async (files: FileList | null): Promise<void> => {
    if (!files || files.length === 0) return;
    setFileProblem(null);
    setReading(true);
    try {
      const picked = await Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const upload = uploadFromFiles(picked);
      // Decode once now, so a bad file is named here rather than when Train is pressed.
      if (upload.kind === 'sequence-csv') loadSequenceChoice(upload, seed);
      else await loadForViews(upload, seed);
      store.getState().setDataset(upload);
    } catch (e) {
      setFileProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const onDesktopFile = async (): Promise<void> => {
    if (!chooseDataFile) return;
    setFileProblem(null);
    try {
      const path = await chooseDataFile();
      if (path) store.getState().setDataset({ source: 'file', path });
    } catch (e) {
      setFileProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <fieldset className="nl-tr-dataset" data-testid="dataset-picker">
      <legend>Dataset</legend>
      <div className="nl-tr-dataset-row">
        <div className="nl-tr-field is-wide">
          <label htmlFor={`${id}-set`}>Train on</label>
          <select
            id={`${id}-set`}
            data-testid="dataset-select"
            value={valueOf(choice)}
            onChange={(e) => {
              setFileProblem(null);
              const v = e.target.value;
              if (v === EXAMPLES_VALUE) store.getState().setDataset(examples ? examplesUpload(EXAMPLES_NAME, examples) : null);
              else if (v !== FILE_VALUE) store.getState().setDataset(v ? { source: 'builtin', name: v } : null);
            }}
          >
            <option value="">Choose a dataset…</option>
            {examples?.targets && (
              <option value={EXAMPLES_VALUE}>
                The lesson’s {examples.inputs.length === 1 ? 'example' : `${examples.inputs.length} examples`}
              </option>
            )}
            {(isRecurrentNetwork(network) ? GROUPS_FOR_RECURRENT : GROUPS_FOR_DENSE).map((g) => (
              <optgroup key={g.label} label={g.label}>
                {CATALOG.filter(g.test).map((e) => (
                  <option key={e.name} value={e.name}>
                    {e.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {choice && (choice.source === 'file' || (choice.source === 'upload' && choice.kind !== 'examples')) && <option value={FILE_VALUE}>File: {datasetLabel(choice)}</option>}
          </select>
        </div>
        <div className="nl-tr-dataset-files">
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".csv,.gz,.idx,.idx1-ubyte,.idx3-ubyte,.ubyte,application/gzip,text/csv"
            className="nl-tr-hidden"
            data-testid="dataset-file-input"
            onChange={(e) => void onFiles(e.target.files)}
          />
          <button
            type="button"
            className="nl-tr-button"
            disabled={reading}
            onClick={() => (chooseDataFile ? void onDesktopFile() : fileInput.current?.click())}
            title="A CSV file (inputs, then the target in the last column or one named “label”), or an IDX images file with its labels file (select both; add the t10k pair for a test set)"
          >
            {reading ? 'Reading…' : 'File from disk…'}
          </button>
        </div>
      </div>
      {fileProblem && (
        <p className="nl-tr-error" role="alert" data-testid="dataset-file-error">
          {fileProblem}
        </p>
      )}
      {choice && (
        <div className="nl-tr-dataset-about">
          {entry && <p className="nl-tr-description">{entry.description}</p>}
          {entry?.sequence && choice.source === 'builtin' && isSequenceSetName(choice.name) && (
            <SequenceSettingsForm
              set={choice.name}
              names={entry.sequence.settings}
              value={choice.sequence ?? {}}
              onChange={(sequence) => store.getState().setDataset({ ...choice, sequence })}
            />
          )}
          {shape?.targets && (
            <p className="nl-tr-caption" data-testid="dataset-shape">
              {formatInteger(shape.train)} training and {formatInteger(shape.test)} test sequences · {shape.inputSize} feature{shape.inputSize === 1 ? '' : 's'} per step →{' '}
              {shape.outputSize} {shape.task === 'classification' ? 'outputs (one per symbol)' : `target${shape.outputSize === 1 ? '' : 's'}`}{' '}
              {shape.targets === 'last' ? 'after the last step' : 'at every step'}
            </p>
          )}
          {shape && !shape.targets && (
            <p className="nl-tr-caption">
              {formatInteger(shape.train)} training and {formatInteger(shape.test)} test examples · {shape.inputSize} input{shape.inputSize === 1 ? '' : 's'} →{' '}
              {shape.outputSize} {shape.task === 'classification' ? `output${shape.outputSize === 1 ? ' (class 0 or 1)' : 's (one per class)'}` : `target${shape.outputSize === 1 ? '' : 's'}`}
            </p>
          )}
          <div className="nl-tr-preview">
            {isSequenceChoice(choice) ? <SequencePreview choice={choice} seed={seed} /> : <DatasetPreview choice={choice} seed={seed} />}
          </div>
          <div className={`nl-tr-fit${fit.ok && !problem ? ' is-ok' : ' is-bad'}`} data-testid="fit-check" role="status">
            <p className="nl-tr-fit-title">{problem ? 'This file cannot be used' : !shape ? 'Checked when training starts' : fit.ok ? 'Fits the network' : 'Does not fit the network'}</p>
            {problem && <p>{problem}</p>}
            {fit.feeds.length > 0 && (
              <ul className="nl-tr-fit-feeds">
                {fit.feeds.map((f) => (
                  <li key={f.node + f.range}>
                    {f.range} → Input “{f.node}”
                  </li>
                ))}
                {fit.outputs.size > 0 && (
                  <li>
                    target{fit.outputs.size === 1 ? '' : 's'} ← Output reads {fit.outputs.size} unit{fit.outputs.size === 1 ? '' : 's'} of {fit.outputs.from.join(', ')}
                  </li>
                )}
              </ul>
            )}
            {fit.problems.map((p) => (
              <p key={p} className="nl-tr-fit-problem">
                {p}
              </p>
            ))}
            {fit.notes.map((n) => (
              <p key={n} className="nl-tr-muted">
                {n}
              </p>
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
});

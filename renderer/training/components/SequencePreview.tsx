/**
 * A look at a sequence set before training: the first few sequences of the
 * training set, as symbols (one-hot steps, delayed recall) or as lines over
 * the steps (noisy sine, adding), with their targets.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { loadSequenceChoice } from '../../../engine/datasets/choice';
import type { SequenceDataset } from '../../../engine/datasets/sequences';
import type { DatasetChoice } from '../../../engine/project';
import { formatMetric } from '../format';
import { runColor } from '../transforms';

const SHOWN = 3;

/** Row r of a flat array of rows of `width`. */
function row(values: Float64Array, r: number, width: number): Float64Array {
  return values.subarray(r * width, (r + 1) * width);
}

function argmax(v: Float64Array): number {
  let best = 0;
  for (let j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
  return best;
}

/** The target rows of sequence i with the step each belongs to (masked steps left out). */
export function targetsOf(data: SequenceDataset, i: number): { step: number; y: Float64Array }[] {
  const start = data.offsets[i];
  const end = data.offsets[i + 1];
  if (data.targets === 'last') return [{ step: end - start - 1, y: row(data.y, i, data.outputSize) }];
  const out: { step: number; y: Float64Array }[] = [];
  for (let s = start; s < end; s++) if (!data.mask || data.mask[s]) out.push({ step: s - start, y: row(data.y, s, data.outputSize) });
  return out;
}

/** One-hot steps as their symbols: "B F A C". */
export function symbolsOf(data: SequenceDataset, i: number): string[] {
  const names = data.classNames ?? Array.from({ length: data.inputSize }, (_, j) => String(j));
  const symbols: string[] = [];
  for (let s = data.offsets[i]; s < data.offsets[i + 1]; s++) symbols.push(names[argmax(row(data.x, s, data.inputSize))] ?? '?');
  return symbols;
}

function SymbolRows({ data }: { data: SequenceDataset }) {
  const names = data.classNames ?? [];
  return (
    <ol className="nl-tr-seq-symbols" data-testid="sequence-preview-symbols">
      {Array.from({ length: Math.min(SHOWN, data.count) }, (_, i) => {
        const targets = targetsOf(data, i);
        const answer = targets.map((t) => names[argmax(t.y)] ?? String(argmax(t.y))).join(' ');
        return (
          <li key={i}>
            <code>{symbolsOf(data, i).join(' ')}</code> → <strong>{answer}</strong>
          </li>
        );
      })}
    </ol>
  );
}

function SequenceLines({ data }: { data: SequenceDataset }) {
  const charts = useMemo(
    () =>
      Array.from({ length: Math.min(SHOWN, data.count) }, (_, i) => {
        const start = data.offsets[i];
        const targets = new Map(targetsOf(data, i).map((t) => [t.step, t.y[0]]));
        return Array.from({ length: data.offsets[i + 1] - start }, (_, t) => ({
          t: t + 1,
          x: data.x[(start + t) * data.inputSize],
          ...(data.inputSize > 1 ? { marker: data.x[(start + t) * data.inputSize + 1] } : {}),
          ...(targets.has(t) ? { y: targets.get(t) } : {}),
        }));
      }),
    [data],
  );
  return (
    <div className="nl-tr-seq-lines" data-testid="sequence-preview-lines">
      {charts.map((rows, i) => (
        <LineChart key={i} responsive style={{ width: '100%', height: 90 }} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} hide={i < charts.length - 1} />
          <YAxis width={36} tickFormatter={(v: number) => formatMetric(v)} />
          <Line dataKey="x" name="input" stroke={runColor(0)} dot={false} isAnimationActive={false} />
          {data.inputSize > 1 && <Line dataKey="marker" name="marker" stroke={runColor(2)} dot={false} strokeDasharray="2 2" isAnimationActive={false} />}
          <Line dataKey="y" name="target" stroke={runColor(1)} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
        </LineChart>
      ))}
      <p className="nl-tr-muted">
        Blue: the input at each step{data.inputSize > 1 ? ' (dashed: the marker)' : ''}; orange: the target{data.targets === 'last' ? ', after the last step' : ' at each step'}.
      </p>
    </div>
  );
}

export const SequencePreview = memo(function SequencePreview({ choice, seed }: { choice: DatasetChoice; seed: number }) {
  const loaded = useMemo((): { data: SequenceDataset } | { message: string } => {
    try {
      // Generating a set of the default size takes a few milliseconds; a preview needs only its first sequences.
      const small = choice.source === 'builtin' ? { ...choice, sequence: { ...choice.sequence, count: SHOWN } } : choice;
      const split = loadSequenceChoice(small, seed);
      return split ? { data: split.train } : { message: 'Not a sequence dataset.' };
    } catch (e) {
      return { message: e instanceof Error ? e.message : String(e) };
    }
  }, [choice, seed]);
  if ('message' in loaded) return <p className="nl-tr-empty">{loaded.message}</p>;
  const { data } = loaded;
  const oneHot = data.task === 'classification';
  return (
    <div data-testid="dataset-preview" data-kind="sequence">
      {oneHot ? <SymbolRows data={data} /> : <SequenceLines data={data} />}
    </div>
  );
});

/**
 * The Node trainer environment (Electron's utility process, the forked
 * trainer) with sequences: generated sets by name and settings, sequence CSV
 * files by path (only those granted), uploads; and a recurrent run across a
 * real process boundary, equal to the same run in this process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isSequenceSplit } from '../../engine/datasets/loaded';
import { loadBuiltinSequence } from '../../engine/datasets/sequence-sets';
import type { SnapshotEvent, TrainerEvent } from '../../engine/protocol/messages';
import { RECURRENT_HYPERPARAMETERS } from '../../engine/recipes';
import { sequenceNetwork } from '../../engine/recurrent/network';
import { nodeTrainerEnvironment } from '../../electron/training/environment';
import { inProcess } from './in-process-trainer';
import { forkTrainer, type TrainerProcess } from '../../node/trainer-process';

const dir = mkdtempSync(join(tmpdir(), 'neuroloom-env-seq-'));
const walksPath = join(dir, 'walks.csv');
writeFileSync(walksPath, 'sequence,x1,x2,target\na,0.1,0.7,\na,0.4,0.2,1\nb,0.9,0.3,0\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const live: TrainerProcess[] = [];
afterEach(async () => {
  await Promise.all(live.splice(0).map((p) => p.dispose()));
});

const recurrentStart = {
  type: 'start',
  network: sequenceNetwork({ cell: 'lstm', inputSize: 4, hiddenSize: 5, outputSize: 4 }),
  dataset: { source: 'builtin', name: 'delayed-recall', sequence: { delay: 4, symbols: 4, count: 96 } },
  hyperparameters: { ...RECURRENT_HYPERPARAMETERS, epochs: 2 },
  seed: 5,
  initialise: true,
};

describe('the Node trainer environment with sequences', () => {
  it('makes generated sets from their settings and the seed, as the engine does', async () => {
    const env = nodeTrainerEnvironment({ allowFile: () => false });
    const data = await env.loadDataset({ source: 'builtin', name: 'adding', sequence: { count: 30, length: 9 } }, 2);
    expect(isSequenceSplit(data)).toBe(true);
    expect(Array.from(data.train.x)).toEqual(Array.from(loadBuiltinSequence('adding', { count: 30, length: 9 }, 2).train.x));
  });

  it('reads a sequence CSV by path only when the path was granted, and names a refused one', async () => {
    const granted = nodeTrainerEnvironment({ allowFile: (p) => p === walksPath });
    const data = await granted.loadDataset({ source: 'file', path: walksPath }, 1);
    expect(data.kind).toBe('sequences');
    expect(data.train).toMatchObject({ count: 2, inputSize: 2, targets: 'last' });
    const refused = nodeTrainerEnvironment({ allowFile: () => false });
    await expect(Promise.resolve().then(() => refused.loadDataset({ source: 'file', path: walksPath }, 1))).rejects.toThrow(`${walksPath}: this data file was not chosen in this session`);
    const upload = await refused.loadDataset({ source: 'upload', kind: 'sequence-csv', name: 'up.csv', bytes: new TextEncoder().encode('sequence,x,target\ns,1,0\ns,2,1\n') }, 1);
    expect(upload.kind).toBe('sequences');
    expect(upload.train).toMatchObject({ name: 'up.csv', targets: 'every', count: 1 });
  });

  it('trains a recurrent network across a process boundary exactly as in this process', async () => {
    const trainer = forkTrainer();
    live.push(trainer);
    trainer.post(recurrentStart);
    await trainer.next('done');
    const remote = trainer.events.filter((e): e is SnapshotEvent => e.type === 'snapshot').at(-1) as SnapshotEvent;
    expect(remote.params).toBeInstanceOf(Float64Array);
    const local = (await inProcess(recurrentStart)).filter((e): e is SnapshotEvent => e.type === 'snapshot').at(-1) as SnapshotEvent;
    expect(Array.from(remote.params)).toEqual(Array.from(local.params));
    const accuracy = (events: TrainerEvent[]) => events.flatMap((e) => (e.type === 'epoch' ? [e.metrics.testAccuracy] : []));
    expect(accuracy(trainer.events)).toHaveLength(2);
  });
});

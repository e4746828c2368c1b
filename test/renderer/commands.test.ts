import { describe, expect, it } from 'vitest';
import type { AppActions } from '../../renderer/app/actions';
import { APP_COMMANDS, buildCommands, type TrainingActions } from '../../renderer/app/commands';
import { matches, type KeyLike } from '../../renderer/app/shortcuts';
import { createRuntimeStore } from '../../renderer/store/runtime-store';
import { SHORTCUTS } from '../../renderer/training/commands';

function table() {
  const ran: string[] = [];
  const actions = new Proxy({} as AppActions, { get: (_t, name) => () => ran.push(`app:${String(name)}`) });
  const training: TrainingActions = { run: (c) => ran.push(`train:${c}`), exportChart: () => ran.push('exportChart') };
  const runtime = createRuntimeStore();
  return { commands: buildCommands(actions, runtime, training), ran, runtime };
}

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('one table of commands and keys', () => {
  it('gives every key to one command only, training keys included', () => {
    const { commands } = table();
    const keys = commands.flatMap((c) => c.shortcuts ?? []);
    expect(new Set(keys).size).toBe(keys.length);
    const presses = [key('F5'), key('F5', { shiftKey: true }), key('F6'), key('F8'), key('F8', { shiftKey: true }), key('F9'), key('F10'), key('F1'), key('z', { ctrlKey: true })];
    for (const press of presses) {
      const hits = commands.filter((c) => c.shortcuts?.some((s) => matches(s, press, false)));
      expect(hits.length, JSON.stringify(press)).toBe(1);
    }
  });

  it('sends the F-keys to the training commands, even from a text field (F5 must never reload a run away)', () => {
    const { commands, ran } = table();
    const byKey = (press: KeyLike) => commands.find((c) => c.shortcuts?.some((s) => matches(s, press, false)));
    const expected: [KeyLike, string][] = [
      [key('F5'), 'train'],
      [key('F6'), 'pause'],
      [key('F5', { shiftKey: true }), 'stop'],
      [key('F10'), 'step'],
      [key('F9'), 'stepEpoch'],
      [key('F8'), 'reRandomise'],
      [key('F8', { shiftKey: true }), 'reset'],
    ];
    for (const [press, id] of expected) {
      const c = byKey(press);
      expect(c?.id).toBe(id);
      expect(c?.group).toBe('Train');
      expect(c?.global).toBe(true);
      c?.run();
    }
    expect(ran).toEqual(expected.map(([, id]) => `train:${id}`));
    // The buttons show the same keys the table listens for.
    expect(SHORTCUTS.train).toBe('F5');
    expect(SHORTCUTS.resume).toBe(SHORTCUTS.train);
  });

  it('maps every native menu command to a command of the table, Export chart to the training export', () => {
    const { commands, ran, runtime } = table();
    const ids = new Set(commands.map((c) => c.id));
    for (const id of Object.values(APP_COMMANDS)) expect(ids.has(id), id).toBe(true);
    commands.find((c) => c.id === APP_COMMANDS.exportChart)?.run();
    expect(ran).toEqual(['exportChart']);
    commands.find((c) => c.id === 'trainingPanel')?.run();
    expect(runtime.getState().sideTab).toBe('training');
  });
});

/**
 * Every command of the app with its label and shortcut: the menus, the
 * command palette, the shortcuts dialog and the key handler all read this
 * list, so nothing is reachable one way and not another.
 */
import type { AppCommand } from '../platform/host';
import type { RuntimeStore } from '../store/runtime-store';
import { SHORTCUTS, type TrainingCommand } from '../training/commands';
import type { AppActions } from './actions';
import { PALETTE_ORDER, NODE_KINDS } from '../graph/node-kinds';

export type CommandGroup = 'File' | 'Edit' | 'Add' | 'View' | 'Train' | 'Help';

/** What the Train menu and its keys do (renderer/app/use-training-actions.ts). */
export interface TrainingActions {
  /** Runs the command when it makes sense now (F5 resumes a paused run). */
  run(command: TrainingCommand): void;
  /** Saves the chart on screen in the views as a PNG. */
  exportChart(): void;
}

export interface Command {
  id: string;
  group: CommandGroup;
  label: string;
  /** See shortcuts.ts: "Mod+Z", "Delete", "Shift+1". */
  shortcuts?: readonly string[];
  /** Shortcuts that should also work while typing in a field (Save, command palette). */
  global?: boolean;
  run(): void;
}

export function buildCommands(actions: AppActions, runtime: RuntimeStore, training: TrainingActions): Command[] {
  const r = runtime.getState;
  const add: Command[] = PALETTE_ORDER.map((kind, i) => ({
    id: `add-${kind}`,
    group: 'Add' as const,
    label: `Add ${NODE_KINDS[kind].title}`,
    shortcuts: [`Alt+${i + 1}`],
    run: () => actions.addNodeAtCentre(kind),
  }));
  // F-keys type nothing, so they work from any field: F5 must never reload the page in the middle of a run.
  const train = (id: TrainingCommand, label: string): Command => ({ id, group: 'Train', label, shortcuts: [SHORTCUTS[id]], global: true, run: () => training.run(id) });
  return [
    { id: 'new', group: 'File', label: 'New…', shortcuts: ['Alt+N'], run: () => r().openDialog({ kind: 'templates' }) },
    { id: 'open', group: 'File', label: 'Open…', shortcuts: ['Mod+O'], global: true, run: () => void actions.openProject() },
    { id: 'save', group: 'File', label: 'Save', shortcuts: ['Mod+S'], global: true, run: () => void actions.save(false) },
    { id: 'saveAs', group: 'File', label: 'Save as…', shortcuts: ['Mod+Shift+S'], global: true, run: () => void actions.save(true) },
    { id: 'importNetwork2', group: 'File', label: 'Import network2.py JSON…', run: () => void actions.importNetwork2() },
    { id: 'exportNetwork2', group: 'File', label: 'Export network2.py JSON…', run: () => void actions.exportNetwork2() },
    { id: 'lessons', group: 'File', label: 'Lessons…', shortcuts: ['Alt+L'], run: () => r().openDialog({ kind: 'gallery' }) },
    { id: 'undo', group: 'Edit', label: 'Undo', shortcuts: ['Mod+Z'], run: actions.undo },
    { id: 'redo', group: 'Edit', label: 'Redo', shortcuts: ['Mod+Shift+Z', 'Mod+Y'], run: actions.redo },
    { id: 'cut', group: 'Edit', label: 'Cut', shortcuts: ['Mod+X'], run: actions.cut },
    { id: 'copy', group: 'Edit', label: 'Copy', shortcuts: ['Mod+C'], run: actions.copy },
    { id: 'paste', group: 'Edit', label: 'Paste', shortcuts: ['Mod+V'], run: actions.paste },
    { id: 'duplicate', group: 'Edit', label: 'Duplicate', shortcuts: ['Mod+D'], run: actions.duplicate },
    { id: 'delete', group: 'Edit', label: 'Delete', shortcuts: ['Delete', 'Backspace'], run: actions.deleteSelection },
    { id: 'selectAll', group: 'Edit', label: 'Select all', shortcuts: ['Mod+A'], run: actions.selectAll },
    ...add,
    { id: 'zoomIn', group: 'View', label: 'Zoom in', shortcuts: ['+', '='], run: actions.zoomIn },
    { id: 'zoomOut', group: 'View', label: 'Zoom out', shortcuts: ['-'], run: actions.zoomOut },
    { id: 'fitView', group: 'View', label: 'Zoom to fit', shortcuts: ['Shift+1'], run: actions.fitView },
    { id: 'autoLayout', group: 'View', label: 'Auto-layout', shortcuts: ['Shift+L'], run: () => void actions.autoLayout() },
    { id: 'snap', group: 'View', label: 'Snap to grid on/off', shortcuts: ['Shift+G'], run: () => r().setSnapToGrid(!r().snapToGrid) },
    { id: 'minimap', group: 'View', label: 'Minimap on/off', shortcuts: ['Shift+M'], run: () => r().setMinimap(!r().minimap) },
    { id: 'togglePalette', group: 'View', label: 'Show or hide the palette', run: () => r().togglePanel('palette') },
    { id: 'toggleInspector', group: 'View', label: 'Show or hide the inspector and training panel', run: () => r().togglePanel('inspector') },
    { id: 'toggleViews', group: 'View', label: 'Show or hide the views', run: () => r().togglePanel('views') },
    train('train', 'Train (or resume)'),
    train('pause', 'Pause'),
    // F5 resumes a paused run already (Train); Resume is listed on its own for the menus and the palette.
    { id: 'resume', group: 'Train', label: 'Resume', run: () => training.run('resume') },
    train('stop', 'Stop'),
    train('step', 'Step one mini-batch'),
    train('stepEpoch', 'Step to the end of the epoch'),
    train('reset', 'Reset to the initial weights'),
    train('reRandomise', 'Re-randomise the weights'),
    { id: 'trainingPanel', group: 'Train', label: 'Show the training panel', run: () => r().setSideTab('training') },
    { id: 'exportChart', group: 'Train', label: 'Export the chart as PNG…', shortcuts: ['Mod+Shift+E'], global: true, run: training.exportChart },
    { id: 'commands', group: 'Help', label: 'Command palette…', shortcuts: ['Mod+K', 'F1'], global: true, run: () => r().openDialog({ kind: 'commands' }) },
    { id: 'shortcuts', group: 'Help', label: 'Keyboard shortcuts', shortcuts: ['?'], run: () => r().openDialog({ kind: 'shortcuts' }) },
  ];
}

/** Which of our commands a native menu item stands for. */
export const APP_COMMANDS: Readonly<Record<AppCommand, string>> = {
  new: 'new',
  open: 'open',
  save: 'save',
  saveAs: 'saveAs',
  importNetwork2: 'importNetwork2',
  exportNetwork2: 'exportNetwork2',
  exportChart: 'exportChart',
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  delete: 'delete',
  selectAll: 'selectAll',
  zoomIn: 'zoomIn',
  zoomOut: 'zoomOut',
  fitView: 'fitView',
  togglePalette: 'togglePalette',
  toggleInspector: 'toggleInspector',
  toggleViews: 'toggleViews',
  lessons: 'lessons',
  about: 'shortcuts',
  train: 'train',
  pause: 'pause',
  resume: 'resume',
  stop: 'stop',
  step: 'step',
  stepEpoch: 'stepEpoch',
  reset: 'reset',
  reRandomise: 'reRandomise',
  trainingPanel: 'trainingPanel',
};

/** The top bar: menus, the most used commands as buttons, the project's name and save state. */
import { memo } from 'react';
import { useDoc, useRuntime } from '../store/context';
import { isDirty } from '../store/document-store';
import { enabledCommands, hasStartedRun, useTraining, type TrainingCommand } from '../training';
import type { Command } from './commands';
import { Menu, type MenuItem } from './Menu';
import { describeShortcut } from './shortcuts';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const Toolbar = memo(function Toolbar({ commands, theme, setTheme }: { commands: readonly Command[]; theme: ThemeChoice; setTheme(t: ThemeChoice): void }) {
  const name = useDoc((s) => s.meta.name);
  const dirty = useDoc(isDirty);
  const canUndo = useDoc((s) => s.past.length > 0);
  const canRedo = useDoc((s) => s.future.length > 0);
  const undoLabel = useDoc((s) => s.lastEdit?.label);
  const snap = useRuntime((s) => s.snapToGrid);
  const minimap = useRuntime((s) => s.minimap);
  const panels = useRuntime((s) => s.panels);
  const trainingStatus = useTraining((s) => s.status);
  const hasRun = useTraining(hasStartedRun);
  const can = enabledCommands(trainingStatus, hasRun);
  const train = (id: TrainingCommand): MenuItem => item(id, { disabled: !can.has(id) && !(id === 'train' && can.has('resume')) });
  const byId = new Map(commands.map((c) => [c.id, c]));
  const item = (id: string, extra: Partial<MenuItem> = {}): MenuItem => {
    const c = byId.get(id);
    if (!c) throw new Error(`no command ${id}`);
    return { id, label: c.label, shortcut: c.shortcuts?.[0], run: c.run, ...extra };
  };
  const button = (id: string, text: string, disabled = false, title?: string) => {
    const c = byId.get(id);
    if (!c) return null;
    return (
      <button
        type="button"
        className="nl-tool"
        disabled={disabled}
        onClick={c.run}
        data-testid={`tool-${id}`}
        title={`${title ?? c.label}${c.shortcuts ? ` (${describeShortcut(c.shortcuts[0])})` : ''}`}
      >
        {text}
      </button>
    );
  };
  return (
    <header className="nl-toolbar">
      <span className="nl-brand" aria-label="Neuroloom">
        <span className="nl-brand-mark" aria-hidden="true">
          ◎
        </span>
        Neuroloom
      </span>
      <nav className="nl-menus" aria-label="Menus">
        <Menu label="File" items={[item('new'), item('open'), 'separator', item('save'), item('saveAs'), 'separator', item('importNetwork2'), item('exportNetwork2'), 'separator', item('lessons')]} />
        <Menu
          label="Edit"
          items={[
            item('undo', { disabled: !canUndo }),
            item('redo', { disabled: !canRedo }),
            'separator',
            item('cut'),
            item('copy'),
            item('paste'),
            item('duplicate'),
            item('delete'),
            'separator',
            item('selectAll'),
          ]}
        />
        <Menu label="Add" items={commands.filter((c) => c.group === 'Add').map((c) => item(c.id))} />
        <Menu
          label="View"
          items={[
            item('zoomIn'),
            item('zoomOut'),
            item('fitView'),
            item('autoLayout'),
            'separator',
            item('snap', { label: 'Snap to grid', checked: snap }),
            item('minimap', { label: 'Minimap', checked: minimap }),
            item('togglePalette', { label: 'Palette', checked: panels.palette }),
            item('toggleInspector', { label: 'Inspector', checked: panels.inspector }),
            item('toggleViews', { label: 'Views', checked: panels.views }),
            'separator',
            { id: 'theme-system', label: 'Theme: follow the system', checked: theme === 'system', run: () => setTheme('system') },
            { id: 'theme-light', label: 'Theme: light', checked: theme === 'light', run: () => setTheme('light') },
            { id: 'theme-dark', label: 'Theme: dark', checked: theme === 'dark', run: () => setTheme('dark') },
          ]}
        />
        <Menu
          label="Train"
          items={[
            train('train'),
            train('pause'),
            train('resume'),
            train('stop'),
            'separator',
            train('step'),
            train('stepEpoch'),
            'separator',
            train('reset'),
            train('reRandomise'),
            'separator',
            item('trainingPanel'),
            item('exportChart'),
          ]}
        />
        <Menu label="Help" items={[item('commands'), item('shortcuts')]} />
      </nav>
      <div className="nl-tools" role="toolbar" aria-label="Quick commands">
        {button('undo', 'Undo', !canUndo, undoLabel ? `Undo ${undoLabel.toLowerCase()}` : 'Undo')}
        {button('redo', 'Redo', !canRedo)}
        <span className="nl-tool-sep" aria-hidden="true" />
        {button('autoLayout', 'Layout')}
        {button('fitView', 'Fit')}
        <span className="nl-tool-sep" aria-hidden="true" />
        {button('lessons', 'Lessons')}
      </div>
      <div className="nl-title" aria-live="polite">
        <span className="nl-title-name" data-testid="project-name">
          {name}
        </span>
        <span className={`nl-title-state${dirty ? ' is-dirty' : ''}`}>{dirty ? 'unsaved changes' : 'saved'}</span>
      </div>
      {button('save', 'Save')}
      {button('commands', 'Commands')}
    </header>
  );
});

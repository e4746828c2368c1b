/** The app's dialogs: templates, lessons, weight image, command palette, shortcuts. One open at a time. */
import { memo, useMemo, useState } from 'react';
import { TEMPLATES } from '../graph/templates';
import { LessonGallery } from '../lessons/LessonGallery';
import { WeightImageDialog } from '../canvas/WeightImageDialog';
import { useRuntime, useRuntimeStore } from '../store/context';
import type { Command } from './commands';
import { Modal } from './Modal';
import { describeShortcut } from './shortcuts';
import type { AppActions } from './use-actions';

export const Dialogs = memo(function Dialogs({ actions, commands }: { actions: AppActions; commands: readonly Command[] }) {
  const dialog = useRuntime((s) => s.dialog);
  const runtime = useRuntimeStore();
  const close = (): void => runtime.getState().openDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'gallery':
      return <LessonGallery onClose={close} onOpen={(id) => actions.openLesson(id)} />;
    case 'weights':
      return <WeightImageDialog edgeId={dialog.edgeId} onClose={close} />;
    case 'templates':
      return (
        <Modal title="New network" onClose={close} testId="templates">
          <ul className="nl-gallery">
            {TEMPLATES.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="nl-card"
                  data-testid={`template-${t.id}`}
                  onClick={() => {
                    close();
                    actions.newFromTemplate(t.id);
                  }}
                >
                  <span className="nl-card-title">{t.title}</span>
                  <span className="nl-card-summary">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </Modal>
      );
    case 'commands':
      return <CommandPalette commands={commands} onClose={close} />;
    case 'shortcuts':
      return (
        <Modal title="Keyboard shortcuts" onClose={close}>
          <table className="nl-shortcuts">
            <tbody>
              {commands
                .filter((c) => c.shortcuts)
                .map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.label}</th>
                    <td>
                      {c.shortcuts?.map((s) => (
                        <kbd key={s}>{describeShortcut(s)}</kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              <tr>
                <th scope="row">Select several</th>
                <td>
                  <kbd>Shift</kbd>-click, or <kbd>Shift</kbd>-drag a box
                </td>
              </tr>
              <tr>
                <th scope="row">Move the selected nodes</th>
                <td>
                  <kbd>Tab</kbd> to a node, then the arrow keys
                </td>
              </tr>
            </tbody>
          </table>
        </Modal>
      );
  }
});

function CommandPalette({ commands, onClose }: { commands: readonly Command[]; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => {
    const q = query.trim().toLowerCase();
    return commands.filter((c) => c.id !== 'commands' && (q === '' || `${c.group} ${c.label}`.toLowerCase().includes(q)));
  }, [commands, query]);
  const run = (c: Command | undefined): void => {
    if (!c) return;
    onClose();
    // After the dialog has closed, so a command that opens a dialog is not closed with it.
    requestAnimationFrame(() => c.run());
  };
  const i = Math.min(active, Math.max(0, found.length - 1));
  return (
    <Modal title="Commands" onClose={onClose} testId="command-palette">
      <input
        className="nl-command-input"
        autoFocus
        placeholder="Type a command…"
        aria-label="Search commands"
        aria-controls="nl-command-list"
        aria-activedescendant={found[i] ? `cmd-${found[i].id}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(i + 1, found.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(found[i]);
          }
        }}
      />
      <ul id="nl-command-list" role="listbox" className="nl-command-list" aria-label="Commands">
        {found.map((c, k) => (
          <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={k === i} className={k === i ? 'is-active' : ''} onClick={() => run(c)} onMouseMove={() => setActive(k)}>
            <span className="nl-command-group">{c.group}</span>
            <span className="nl-command-label">{c.label}</span>
            {c.shortcuts && <kbd>{describeShortcut(c.shortcuts[0])}</kbd>}
          </li>
        ))}
        {found.length === 0 && <li className="nl-hint">No command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}

/**
 * The app: palette (and the open lesson) on the left, the canvas in the
 * middle with the views under it, the inspector on the right.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { Inspector } from '../inspector/Inspector';
import { LessonPanel } from '../lessons/LessonPanel';
import type { Host } from '../platform/host';
import { HostProvider, useHost } from '../platform/host-context';
import { StoresProvider, useDocStore, useRuntime, useRuntimeStore } from '../store/context';
import { ViewsPanel } from '../views/ViewsPanel';
import { APP_COMMANDS, buildCommands } from './commands';
import { Dialogs } from './Dialogs';
import { readProjectFile } from './files';
import { Toasts } from './Toasts';
import { Toolbar, type ThemeChoice } from './Toolbar';
import { openInStores, useAppActions } from './use-actions';
import { usePersistence } from './use-persistence';
import { useShortcuts } from './use-shortcuts';

const THEME_KEY = 'neuroloom.theme';

function useTheme(): [ThemeChoice, (t: ThemeChoice) => void, 'light' | 'dark'] {
  const [choice, setChoice] = useState<ThemeChoice>(() => {
    try {
      const saved = localStorage.getItem(THEME_KEY);
      return saved === 'light' || saved === 'dark' ? saved : 'system';
    } catch {
      return 'system';
    }
  });
  const query = useMemo(() => window.matchMedia('(prefers-color-scheme: dark)'), []);
  const [systemDark, setSystemDark] = useState(query.matches);
  useEffect(() => {
    const on = (e: MediaQueryListEvent): void => setSystemDark(e.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  const resolved = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    try {
      localStorage.setItem(THEME_KEY, choice);
    } catch {
      /* storage may be disabled */
    }
  }, [choice, resolved]);
  return [choice, setChoice, resolved];
}

function Workbench() {
  const actions = useAppActions();
  const runtime = useRuntimeStore();
  const docs = useDocStore();
  const host = useHost();
  const commands = useMemo(() => buildCommands(actions, runtime), [actions, runtime]);
  const dialog = useRuntime((s) => s.dialog);
  const panels = useRuntime((s) => s.panels);
  const [theme, setTheme, resolved] = useTheme();
  const { recovered, dismiss } = usePersistence();
  useShortcuts(commands, dialog === null);

  useEffect(() => {
    const byId = new Map(commands.map((c) => [c.id, c]));
    return host.onCommand((command) => byId.get(APP_COMMANDS[command])?.run());
  }, [host, commands]);

  return (
    <div className={`nl-app${panels.palette ? '' : ' no-left'}${panels.inspector ? '' : ' no-right'}${panels.views ? '' : ' no-views'}`}>
      <Toolbar commands={commands} theme={theme} setTheme={setTheme} />
      {recovered.length > 0 && (
        <div className="nl-banner" role="region" aria-label="Recovered work">
          <span>
            Neuroloom closed unexpectedly while “{recovered[0].name}” had unsaved changes ({new Date(recovered[0].savedAt).toLocaleString()}).
          </span>
          <button
            type="button"
            className="nl-button is-primary is-small"
            onClick={() => {
              try {
                const opened = readProjectFile({ name: `${recovered[0].name}.json`, path: null, text: recovered[0].text });
                openInStores(docs, runtime, opened.project, null, false);
              } catch (e) {
                runtime.getState().notify((e as Error).message, 'error');
              }
              dismiss(recovered[0].id);
            }}
          >
            Recover it
          </button>
          <button type="button" className="nl-button is-small" onClick={() => dismiss(recovered[0].id)}>
            Discard
          </button>
        </div>
      )}
      <div className="nl-workspace">
        {panels.palette && (
          <aside className="nl-left" aria-label="Palette and lesson">
            <Palette onAdd={actions.addNodeAtCentre} />
            <LessonPanel />
          </aside>
        )}
        <main className="nl-centre">
          <Canvas actions={actions} colorMode={resolved} />
          {panels.views && <ViewsPanel />}
        </main>
        {panels.inspector && <Inspector />}
      </div>
      <Toasts />
      <Dialogs actions={actions} commands={commands} />
    </div>
  );
}

export function App({ host }: { host: Host }) {
  return (
    <HostProvider host={host}>
      <StoresProvider>
        <ReactFlowProvider>
          <Workbench />
        </ReactFlowProvider>
      </StoresProvider>
    </HostProvider>
  );
}

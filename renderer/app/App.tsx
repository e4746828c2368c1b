/**
 * The app: palette (and the open lesson) on the left, the canvas in the
 * middle with the views under it (a handle between them resizes them), the
 * inspector and the training panel as two tabs on the right.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { LessonPanel } from '../lessons/LessonPanel';
import type { Host } from '../platform/host';
import { HostProvider, useHost } from '../platform/host-context';
import { StoresProvider, useDocStore, useRuntime, useRuntimeStore } from '../store/context';
import { createTrainingStore, TrainingProvider } from '../training';
import type { ExportFile } from '../training/export';
import { ViewsPanel } from '../views/ViewsPanel';
import { ViewsResizer } from '../views/ViewsResizer';
import { APP_COMMANDS, buildCommands } from './commands';
import { Dialogs } from './Dialogs';
import { readProjectFile } from './files';
import { Toasts } from './Toasts';
import { SidePanel } from './SidePanel';
import { Toolbar, type ThemeChoice } from './Toolbar';
import { linkTraining, settingsOfProject } from './training-link';
import { openInStores, useAppActions } from './use-actions';
import { usePersistence } from './use-persistence';
import { useShortcuts } from './use-shortcuts';
import { useTrainingActions } from './use-training-actions';

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

/** One training store for the app, its trainer made by the Host (a Web Worker or the utility process). */
function TrainingRoot({ children }: { children: ReactNode }) {
  const host = useHost();
  const docs = useDocStore();
  const [training] = useState(() => createTrainingStore(() => host.connectTrainer(), settingsOfProject(docs.getState().meta)));
  useEffect(() => linkTraining(training, docs), [training, docs]);
  useEffect(() => () => training.getState().dispose(), [training]);
  const exportFile = useCallback<ExportFile>((name, data, kind) => host.exportFile(name, data, kind), [host]);
  return (
    <TrainingProvider store={training} exportFile={exportFile}>
      {children}
    </TrainingProvider>
  );
}

function Workbench() {
  const actions = useAppActions();
  const trainingActions = useTrainingActions();
  const runtime = useRuntimeStore();
  const docs = useDocStore();
  const host = useHost();
  const commands = useMemo(() => buildCommands(actions, runtime, trainingActions), [actions, runtime, trainingActions]);
  const dialog = useRuntime((s) => s.dialog);
  const panels = useRuntime((s) => s.panels);
  const viewsHeight = useRuntime((s) => s.viewsHeight);
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
        <main className="nl-centre" style={panels.views && viewsHeight !== null ? { gridTemplateRows: `minmax(0, 1fr) auto min(${viewsHeight}px, calc(100% - 140px))` } : undefined}>
          <Canvas actions={actions} colorMode={resolved} />
          {panels.views && <ViewsResizer />}
          {panels.views && <ViewsPanel />}
        </main>
        {panels.inspector && <SidePanel />}
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
        <TrainingRoot>
          <ReactFlowProvider>
            <Workbench />
          </ReactFlowProvider>
        </TrainingRoot>
      </StoresProvider>
    </HostProvider>
  );
}

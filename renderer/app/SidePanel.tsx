/**
 * The right-hand column: the inspector and the training panel as two tabs.
 * The Train tab says how a run goes even while the inspector is shown.
 */
import { memo, useEffect, useId, type KeyboardEvent } from 'react';
import { Inspector } from '../inspector/Inspector';
import { useHost } from '../platform/host-context';
import { useDoc, useDocStore, useRuntime, useRuntimeStore } from '../store/context';
import type { Selection } from '../store/document-store';
import type { SideTab } from '../store/runtime-store';
import { TrainingPanel, useTraining } from '../training';
import { useViewState } from '../views/use-view-state';

const TABS: readonly { id: SideTab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'training', label: 'Train' },
];

/** "37%" while a run goes, a word when it has ended in a way worth noticing. */
function TrainBadge() {
  const status = useTraining((s) => s.status);
  const percent = useTraining((s) => (s.progress ? Math.round(100 * Math.max(0, Math.min(1, s.progress.fraction))) : null));
  if (status === 'running' || status === 'loading') return <span className="nl-side-badge is-running">{percent === null ? '…' : `${percent}%`}</span>;
  if (status === 'paused') return <span className="nl-side-badge is-paused">paused</span>;
  if (status === 'diverged' || status === 'failed') return <span className="nl-side-badge is-bad">{status}</span>;
  return null;
}

const TrainingTab = memo(function TrainingTab() {
  const doc = useDoc((s) => s.doc);
  const defaults = useDoc((s) => s.meta.hyperparameters);
  const examples = useViewState().examples;
  const host = useHost();
  return (
    <div className="nl-side-training">
      <TrainingPanel network={doc} defaults={defaults} examples={examples} chooseDataFile={host.chooseDataFile?.bind(host)} />
    </div>
  );
});

function sameSelection(a: Selection, b: Selection): boolean {
  return a.nodes.size === b.nodes.size && a.edges.size === b.edges.size && [...a.nodes].every((n) => b.nodes.has(n)) && [...a.edges].every((e) => b.edges.has(e));
}

export const SidePanel = memo(function SidePanel() {
  const tab = useRuntime((s) => s.sideTab);
  const runtime = useRuntimeStore();
  const docs = useDocStore();
  const id = useId();
  // Selecting something on the canvas means: show me it.
  useEffect(
    () =>
      docs.subscribe((s, prev) => {
        if (s.selection === prev.selection || sameSelection(s.selection, prev.selection)) return;
        if (s.selection.nodes.size + s.selection.edges.size > 0) runtime.getState().setSideTab('inspector');
      }),
    [docs, runtime],
  );
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = tab === 'inspector' ? 'training' : 'inspector';
    runtime.getState().setSideTab(next);
    document.getElementById(`${id}-${next}`)?.focus();
  };
  return (
    <aside className="nl-side" aria-label="Inspector and training">
      <div role="tablist" aria-label="Side panel" className="nl-tabs nl-side-tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${id}-${t.id}`}
            role="tab"
            type="button"
            aria-selected={t.id === tab}
            aria-controls={`${id}-panel`}
            tabIndex={t.id === tab ? 0 : -1}
            className="nl-tab"
            data-testid={`side-${t.id}`}
            onClick={() => runtime.getState().setSideTab(t.id)}
          >
            {t.label}
            {t.id === 'training' && <TrainBadge />}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`} className="nl-side-body">
        {tab === 'inspector' ? <Inspector /> : <TrainingTab />}
      </div>
    </aside>
  );
});

/**
 * What the toolbar, menus, shortcuts, palette and command palette do. One
 * place, so a command behaves the same whichever way it is reached.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { NodeKind, Position } from '../../engine/document';
import { exportNetwork2Text } from '../../engine/formats/network2';
import { findLesson, lessonProject } from '../../engine/lessons/index';
import type { Project } from '../../engine/project';
import { moveNodes } from '../graph/edit';
import { estimatedSize, layoutPositions } from '../graph/layout';
import { NODE_KINDS } from '../graph/node-kinds';
import { TEMPLATES } from '../graph/templates';
import { useHost } from '../platform/host-context';
import type { SavedFile } from '../platform/host';
import { isDirty, type DocumentStore } from '../store/document-store';
import { useDocStore, useRuntimeStore } from '../store/context';
import type { RuntimeStore } from '../store/runtime-store';
import { readViewState } from '../store/view-state';
import { useTrainingStore } from '../training';
import { baseName, projectText, readNetwork2File, readProjectFile } from './files';
import type { AppActions } from './actions';
import { withTrainingSettings } from './training-link';

export type { AppActions } from './actions';


/** The canvas element, for "the middle of what the user sees". */
export const CANVAS_ID = 'nl-canvas';

export function performanceMark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/** Open a project: marks the moment for the speed benchmark, then replaces the document. */
export function openInStores(docs: DocumentStore, runtime: RuntimeStore, project: Project, file: SavedFile | null, layout: boolean): void {
  performanceMark('neuroloom:open');
  const view = readViewState(project.view);
  const inputs = project.network.nodes.filter((n) => n.kind === 'input' && n.size === 1);
  const probe: Record<string, number[]> = {};
  const fixed = view.settings?.fixedInputs ?? [];
  fixed.forEach((v, i) => {
    const node = inputs[i + 2];
    if (node) probe[node.id] = [v];
  });
  const x = view.settings?.xRange;
  const y = view.settings?.yRange;
  if (x && inputs[0]) probe[inputs[0].id] = [(x[0] + x[1]) / 2];
  if (y && inputs[1]) probe[inputs[1].id] = [(y[0] + y[1]) / 2];
  runtime.getState().setProbeInputs(probe);
  runtime.getState().setViewTab(null);
  // A project with data to train on opens with the training panel beside the canvas.
  runtime.getState().setSideTab(project.dataset !== null || view.view === 'training' ? 'training' : 'inspector');
  runtime.getState().openDialog(null);
  docs.getState().replace(project, file, { layout });
}

export function useAppActions(): AppActions {
  const docs = useDocStore();
  const runtime = useRuntimeStore();
  const training = useTrainingStore();
  const host = useHost();
  const flow = useReactFlow();

  return useMemo((): AppActions => {
    const notify = runtime.getState().notify;
    const report = (r: { ok: boolean; reason?: string }): void => {
      if (!r.ok && r.reason) notify(r.reason, 'error');
    };
    const confirmDiscard = (): boolean => {
      const s = docs.getState();
      if (!isDirty(s)) return true;
      return window.confirm(`“${s.meta.name}” has unsaved changes. Discard them?`);
    };
    const fail = (e: unknown): void => {
      notify((e as Error).message ?? String(e), 'error');
    };
    const centre = (): Position => {
      const el = document.getElementById(CANVAS_ID);
      const r = el?.getBoundingClientRect();
      const p = r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      return p;
    };
    const freeSpot = (kind: NodeKind, at: Position): Position => {
      const size = estimatedSize(NODE_KINDS[kind].create('probe', '', at));
      const p = { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) };
      const { doc, sizes } = docs.getState();
      // Keyboard adds would all land on one spot: move down below whatever is in the way.
      for (let i = 0; i < 100; i++) {
        const blocker = doc.nodes.find((n) => {
          const s = sizes.get(n.id) ?? estimatedSize(n);
          return p.x < n.position.x + s.width && n.position.x < p.x + size.width && p.y < n.position.y + s.height + 12 && n.position.y < p.y + size.height + 12;
        });
        if (!blocker) break;
        p.y = blocker.position.y + (sizes.get(blocker.id) ?? estimatedSize(blocker)).height + 16;
      }
      return p;
    };

    const actions: AppActions = {
      newFromTemplate(id) {
        const t = TEMPLATES.find((x) => x.id === id);
        if (!t || !confirmDiscard()) return;
        openInStores(docs, runtime, t.project(), null, t.id !== 'blank');
      },
      async openProject() {
        if (!confirmDiscard()) return;
        try {
          const file = await host.openProject();
          if (!file) return;
          performanceMark('neuroloom:file');
          const opened = readProjectFile(file);
          const saved = opened.format === 'project' ? { name: file.name, path: file.path } : null;
          openInStores(docs, runtime, opened.project, saved, opened.layout);
          notify(`Opened ${file.name}`, 'success');
        } catch (e) {
          fail(e);
        }
      },
      async save(saveAs) {
        const s = docs.getState();
        try {
          const text = projectText(withTrainingSettings(s, training.getState().settings));
          // Without a file yet, the target only suggests a name; saveAs asks where.
          const target = s.file ?? { name: `${s.meta.name}.neuroloom.json`, path: null };
          const saved = await host.saveProject(text, target, saveAs || !s.file);
          if (!saved) return;
          const name = baseName(saved.name);
          if (name !== s.meta.name) s.edit('Rename', ({ doc, meta }) => ({ doc, meta: { ...meta, name } }));
          docs.getState().markSaved(saved);
          notify(`Saved ${saved.name}`, 'success');
        } catch (e) {
          fail(e);
        }
      },
      async importNetwork2() {
        if (!confirmDiscard()) return;
        try {
          const file = await host.importNetwork2();
          if (!file) return;
          performanceMark('neuroloom:file');
          const opened = readNetwork2File(file);
          openInStores(docs, runtime, opened.project, null, true);
          notify(`Imported ${file.name}`, 'success');
        } catch (e) {
          fail(e);
        }
      },
      async exportNetwork2() {
        const s = docs.getState();
        try {
          const text = exportNetwork2Text(s.doc);
          const saved = await host.exportNetwork2(text, `${s.meta.name}.network2.json`);
          if (saved) notify(`Exported ${saved.name} for network2.py`, 'success');
        } catch (e) {
          fail(e);
        }
      },
      openLesson(id) {
        const lesson = findLesson(id);
        if (!lesson || !confirmDiscard()) return;
        try {
          openInStores(docs, runtime, lessonProject(lesson), null, false);
        } catch (e) {
          fail(e);
        }
      },
      addNodeAtCentre(kind) {
        const r = docs.getState().addNode(kind, freeSpot(kind, centre()));
        report(r);
        if (r.ok) {
          const id = [...docs.getState().selection.nodes][0];
          const label = docs.getState().doc.nodes.find((n) => n.id === id)?.label ?? '';
          notify(`Added ${NODE_KINDS[kind].title} “${label}” in the middle of the canvas (selected).`, 'info');
        }
      },
      addNodeAt(kind, position) {
        report(docs.getState().addNode(kind, freeSpot(kind, position)));
      },
      undo: () => docs.getState().undo(),
      redo: () => docs.getState().redo(),
      cut() {
        report(docs.getState().cut());
      },
      copy() {
        const n = docs.getState().copy();
        if (n === 0) notify('Select the nodes to copy.', 'info');
        else notify(`Copied ${n} node${n === 1 ? '' : 's'}`, 'info');
      },
      paste() {
        const r = docs.getState().paste();
        report(r);
        if (r.ok && r.skipped) notify(r.skipped, 'info');
      },
      duplicate() {
        const r = docs.getState().duplicate();
        report(r);
        if (r.ok && r.skipped) notify(r.skipped, 'info');
      },
      deleteSelection() {
        report(docs.getState().deleteSelection());
      },
      selectAll: () => docs.getState().selectAll(),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      fitView: () => void flow.fitView({ padding: 0.15, duration: 200 }),
      async autoLayout() {
        const s = docs.getState();
        if (s.doc.nodes.length === 0) return;
        try {
          const positions = await layoutPositions(s.doc, s.sizes);
          report(docs.getState().edit('Auto-layout', ({ doc }) => moveNodes(doc, positions)));
          requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 200 }));
        } catch (e) {
          fail(e);
        }
      },
    };
    return actions;
  }, [docs, runtime, training, host, flow]);
}

/**
 * The document store: the network document and the rest of the project, the
 * undo history, the selection and the clipboard. Every change to the network
 * goes through `edit`, which validates the new document (a refused edit leaves
 * everything as it was and says why) and records one undo step; edits that
 * share a coalesce key (one slider drag, one node drag) make a single step.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NetworkDocument, NodeKind, Position } from '../../engine/document';
import { newProject, type Project } from '../../engine/project';
import type { SavedFile } from '../platform/host';
import { copyFragment, pasteFragment, type Fragment } from '../graph/clipboard';
import type { ConnectOptions } from '../graph/connect-rules';
import { addNode, connect, EditError, moveNodes, reconnect, removeElements } from '../graph/edit';
import type { Size } from '../graph/flow-types';
import { documentProblem } from '../graph/document-check';
import { sameComputation } from '../graph/probe';
import { emptyDocument } from '../graph/templates';

export type ProjectMeta = Omit<Project, 'network' | 'format' | 'version'>;

export interface Snapshot {
  doc: NetworkDocument;
  meta: ProjectMeta;
}

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export type EditResult = { ok: true } | { ok: false; reason: string };

export interface EditOptions {
  /** Consecutive edits with the same key (one drag) make one undo step. */
  coalesce?: string;
  /** The selection after the edit. */
  select?: Selection;
}

/** An edit may also say what to select afterwards. */
export type EditOutcome = NetworkDocument | Snapshot | { snapshot: Snapshot; select: Selection };

export const HISTORY_LIMIT = 200;
export const PASTE_OFFSET = 40;
export const EMPTY_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export interface DocumentState extends Snapshot {
  past: Snapshot[];
  future: Snapshot[];
  /** Label of the last edit (for "Undo <label>") and its coalesce key. */
  lastEdit: { label: string; coalesce: string | null } | null;
  selection: Selection;
  /** Sizes the canvas measured: React Flow needs them handed back with every node. */
  sizes: ReadonlyMap<string, Size>;
  file: SavedFile | null;
  /** What was last opened or saved, to tell whether there are unsaved changes. */
  saved: Snapshot;
  /**
   * The part of the project that lives in another store (the training
   * settings: dataset, hyperparameters, seed) as a fingerprint of what a
   * project file keeps of it: now, and as last opened or saved. Progress of
   * a run changes neither.
   */
  settingsKey: string;
  savedSettingsKey: string;
  /** Increments when a different project is opened: the canvas fits it to the view. */
  revision: number;
  /** Nodes to lay out automatically once they have been measured (templates, imports). */
  layoutPending: boolean;
  clipboard: Fragment | null;
  pasteCount: number;

  edit(label: string, fn: (s: Snapshot) => EditOutcome, options?: EditOptions): EditResult;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  selectAll(): void;
  setSizes(sizes: ReadonlyMap<string, Size>): void;
  /** Opens a project: history starts afresh. */
  replace(project: Project, file: SavedFile | null, options?: { layout?: boolean }): void;
  markSaved(file: SavedFile | null): void;
  /** The training settings changed (or, with `asSaved`, are those of the project just opened). */
  setSettingsKey(key: string, asSaved?: boolean): void;
  layoutDone(): void;

  addNode(kind: NodeKind, position: Position): EditResult;
  connect(source: string, target: string, options?: ConnectOptions): EditResult;
  reconnect(edgeId: string, source: string, target: string, options?: ConnectOptions): EditResult;
  moveNodes(positions: ReadonlyMap<string, Position>, gesture: string | null): void;
  deleteSelection(): EditResult;
  copy(): number;
  cut(): EditResult;
  paste(): EditResult & { skipped?: string | null };
  duplicate(): EditResult & { skipped?: string | null };
}

export type DocumentStore = StoreApi<DocumentState>;

function isSnapshot(x: EditOutcome): x is Snapshot {
  return 'doc' in x && 'meta' in x;
}

function pruneSelection(sel: Selection, doc: NetworkDocument): Selection {
  // Most edits (every step of a slider drag) keep every selected element: answer without building id sets.
  if (sel.nodes.size + sel.edges.size <= 8 && [...sel.nodes].every((id) => doc.nodes.some((n) => n.id === id)) && [...sel.edges].every((id) => doc.edges.some((e) => e.id === id))) return sel;
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const edges = new Set(doc.edges.map((e) => e.id));
  const n = [...sel.nodes].filter((id) => nodes.has(id));
  const e = [...sel.edges].filter((id) => edges.has(id));
  return n.length === sel.nodes.size && e.length === sel.edges.size ? sel : { nodes: new Set(n), edges: new Set(e) };
}

export function projectMeta(project: Project): ProjectMeta {
  const { network: _n, format: _f, version: _v, ...meta } = project;
  void _n;
  void _f;
  void _v;
  return meta;
}

export function createDocumentStore(initial: Project = newProject(emptyDocument())): DocumentStore {
  const start: Snapshot = { doc: initial.network, meta: projectMeta(initial) };
  return createStore<DocumentState>()((set, get) => {
    const edit: DocumentState['edit'] = (label, fn, options = {}) => {
      const state = get();
      const before: Snapshot = { doc: state.doc, meta: state.meta };
      let outcome: EditOutcome;
      try {
        outcome = fn(before);
      } catch (e) {
        if (e instanceof EditError) return { ok: false, reason: e.message };
        throw e;
      }
      let select: Selection | undefined = options.select;
      let after: Snapshot;
      if ('snapshot' in outcome) {
        after = outcome.snapshot;
        select = outcome.select;
      } else if (isSnapshot(outcome)) {
        after = outcome;
      } else {
        after = { doc: outcome, meta: state.meta };
      }
      if (after.doc === before.doc && after.meta === before.meta) {
        if (select) set({ selection: select });
        return { ok: true };
      }
      if (!sameComputation(before.doc, after.doc)) {
        const problem = documentProblem(after.doc, before.doc);
        if (problem !== null) return { ok: false, reason: problem };
      }
      const coalesce = options.coalesce ?? null;
      const merge = coalesce !== null && state.lastEdit?.coalesce === coalesce;
      const past = merge ? state.past : [...state.past, before].slice(-HISTORY_LIMIT);
      set({
        doc: after.doc,
        meta: after.meta,
        past,
        future: [],
        lastEdit: { label, coalesce },
        selection: pruneSelection(select ?? state.selection, after.doc),
      });
      return { ok: true };
    };

    const selectionOf = (nodeIds: string[], edgeIds: string[]): Selection => ({ nodes: new Set(nodeIds), edges: new Set(edgeIds) });

    return {
      ...start,
      past: [],
      future: [],
      lastEdit: null,
      selection: EMPTY_SELECTION,
      sizes: new Map(),
      file: null,
      saved: start,
      settingsKey: '',
      savedSettingsKey: '',
      revision: 0,
      layoutPending: false,
      clipboard: null,
      pasteCount: 0,

      edit,

      undo() {
        const { past, future, doc, meta, selection } = get();
        if (past.length === 0) return;
        const prev = past[past.length - 1];
        set({
          ...prev,
          past: past.slice(0, -1),
          future: [{ doc, meta }, ...future],
          lastEdit: null,
          selection: pruneSelection(selection, prev.doc),
        });
      },

      redo() {
        const { past, future, doc, meta, selection } = get();
        if (future.length === 0) return;
        const next = future[0];
        set({
          ...next,
          past: [...past, { doc, meta }],
          future: future.slice(1),
          lastEdit: null,
          selection: pruneSelection(selection, next.doc),
        });
      },

      select(selection) {
        set({ selection: pruneSelection(selection, get().doc) });
      },

      selectAll() {
        const { doc } = get();
        set({ selection: selectionOf(doc.nodes.map((n) => n.id), doc.edges.map((e) => e.id)) });
      },

      setSizes(sizes) {
        set({ sizes });
      },

      replace(project, file, options = {}) {
        const snap: Snapshot = { doc: project.network, meta: projectMeta(project) };
        set({
          ...snap,
          past: [],
          future: [],
          lastEdit: null,
          selection: EMPTY_SELECTION,
          sizes: new Map(),
          file,
          saved: snap,
          // Until the settings of the new project are reported (trackTrainingSettings), nothing is unsaved.
          savedSettingsKey: get().settingsKey,
          revision: get().revision + 1,
          layoutPending: options.layout ?? false,
          pasteCount: 0,
        });
      },

      markSaved(file) {
        const { doc, meta, settingsKey } = get();
        set({ file, saved: { doc, meta }, savedSettingsKey: settingsKey });
      },

      setSettingsKey(key, asSaved = false) {
        const { settingsKey, savedSettingsKey } = get();
        const saved = asSaved ? key : savedSettingsKey;
        if (key !== settingsKey || saved !== savedSettingsKey) set({ settingsKey: key, savedSettingsKey: saved });
      },

      layoutDone() {
        set({ layoutPending: false });
      },

      addNode(kind, position) {
        let id = '';
        const r = edit(`Add ${kind}`, ({ doc }) => {
          const out = addNode(doc, kind, position);
          id = out.id;
          return out.doc;
        });
        if (r.ok) set({ selection: selectionOf([id], []) });
        return r;
      },

      connect(source, target, options) {
        return edit('Connect', ({ doc }) => connect(doc, source, target, options).doc);
      },

      reconnect(edgeId, source, target, options) {
        return edit('Move connection', ({ doc }) => reconnect(doc, edgeId, source, target, options));
      },

      moveNodes(positions, gesture) {
        edit('Move', ({ doc }) => moveNodes(doc, positions), gesture ? { coalesce: `move:${gesture}` } : {});
      },

      deleteSelection() {
        const { selection } = get();
        if (selection.nodes.size === 0 && selection.edges.size === 0) return { ok: false, reason: 'Nothing is selected.' };
        return edit('Delete', ({ doc }) => removeElements(doc, selection.nodes, selection.edges), { select: EMPTY_SELECTION });
      },

      copy() {
        const { doc, selection } = get();
        if (selection.nodes.size === 0) return 0;
        set({ clipboard: copyFragment(doc, selection.nodes), pasteCount: 0 });
        return selection.nodes.size;
      },

      cut() {
        if (get().copy() === 0) return { ok: false, reason: 'Select the nodes to cut.' };
        return get().deleteSelection();
      },

      paste() {
        const { clipboard, pasteCount } = get();
        if (!clipboard || clipboard.nodes.length === 0) return { ok: false, reason: 'The clipboard is empty: copy some nodes first.' };
        const k = pasteCount + 1;
        let skipped: string | null = null;
        const r = edit('Paste', ({ doc, meta }) => {
          const out = pasteFragment(doc, clipboard, { x: PASTE_OFFSET * k, y: PASTE_OFFSET * k });
          skipped = out.skipped;
          return { snapshot: { doc: out.doc, meta }, select: selectionOf(out.nodeIds, out.edgeIds) };
        });
        if (r.ok) set({ pasteCount: k });
        return { ...r, skipped };
      },

      duplicate() {
        const { doc, selection } = get();
        if (selection.nodes.size === 0) return { ok: false, reason: 'Select the nodes to duplicate.' };
        const fragment = copyFragment(doc, selection.nodes);
        let skipped: string | null = null;
        const r = edit('Duplicate', ({ doc: d, meta }) => {
          const out = pasteFragment(d, fragment, { x: PASTE_OFFSET, y: PASTE_OFFSET });
          skipped = out.skipped;
          return { snapshot: { doc: out.doc, meta }, select: selectionOf(out.nodeIds, out.edgeIds) };
        });
        return { ...r, skipped };
      },
    };
  });
}

/** True when the project (its training settings too) differs from what was last opened or saved. */
export function isDirty(s: Pick<DocumentState, 'doc' | 'meta' | 'saved' | 'settingsKey' | 'savedSettingsKey'>): boolean {
  return s.doc !== s.saved.doc || s.meta !== s.saved.meta || s.settingsKey !== s.savedSettingsKey;
}

/**
 * The runtime store: everything that is not the project. The probe's input
 * and result, hover, messages, which panels, tabs and dialogs are open.
 * Training has a store of its own (renderer/training/store.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EMPTY_PROBE, type ProbeInputs, type ProbeResult } from '../graph/probe';

export type ViewTab = 'output' | 'function' | 'surface' | 'truthTable' | 'activationPlot' | 'training' | 'speed' | 'digits' | 'confusion' | 'gates' | 'gradientVsK';
/** What the right-hand column shows: the inspector or the training panel. */
export type SideTab = 'inspector' | 'training';
export type Tone = 'info' | 'success' | 'error';

export interface Message {
  id: number;
  text: string;
  tone: Tone;
}

export interface Panels {
  palette: boolean;
  inspector: boolean;
  views: boolean;
}

export type Dialog = { kind: 'gallery' } | { kind: 'weights'; edgeId: string } | { kind: 'commands' } | { kind: 'shortcuts' } | { kind: 'templates' } | null;

export interface RuntimeState {
  probeInputs: ProbeInputs;
  probe: ProbeResult;
  hoveredEdge: string | null;
  /** The edge whose end is being dragged to another node. */
  reconnecting: string | null;
  messages: Message[];
  panels: Panels;
  /** Null: the view that suits the network (or its lesson). */
  viewTab: ViewTab | null;
  sideTab: SideTab;
  /** Height of the views panel in CSS pixels; null: the layout's default. */
  viewsHeight: number | null;
  dialog: Dialog;
  snapToGrid: boolean;
  minimap: boolean;

  setProbeInput(nodeId: string, values: readonly number[]): void;
  setProbeInputs(inputs: ProbeInputs): void;
  setProbe(result: ProbeResult): void;
  hoverEdge(id: string | null): void;
  setReconnecting(id: string | null): void;
  notify(text: string, tone?: Tone): number;
  dismiss(id: number): void;
  togglePanel(panel: keyof Panels): void;
  setViewTab(tab: ViewTab | null): void;
  setSideTab(tab: SideTab): void;
  setViewsHeight(height: number | null): void;
  openDialog(dialog: Dialog): void;
  setSnapToGrid(on: boolean): void;
  setMinimap(on: boolean): void;
}

export type RuntimeStore = StoreApi<RuntimeState>;

/** Messages stay on screen for a while; errors until they are replaced or dismissed. */
export const MAX_MESSAGES = 3;

export function createRuntimeStore(): RuntimeStore {
  let nextId = 1;
  return createStore<RuntimeState>()((set, get) => ({
    probeInputs: {},
    probe: EMPTY_PROBE,
    hoveredEdge: null,
    reconnecting: null,
    messages: [],
    panels: { palette: true, inspector: true, views: true },
    viewTab: null,
    sideTab: 'inspector',
    viewsHeight: null,
    dialog: null,
    snapToGrid: true,
    minimap: true,

    setProbeInput(nodeId, values) {
      set({ probeInputs: { ...get().probeInputs, [nodeId]: values } });
    },
    setProbeInputs(inputs) {
      set({ probeInputs: inputs });
    },
    setProbe(result) {
      set({ probe: result });
    },
    hoverEdge(id) {
      if (get().hoveredEdge !== id) set({ hoveredEdge: id });
    },
    setReconnecting(id) {
      set({ reconnecting: id });
    },
    notify(text, tone = 'info') {
      const id = nextId++;
      // The same words twice in a row are one message, refreshed.
      const rest = get().messages.filter((m) => m.text !== text);
      set({ messages: [...rest, { id, text, tone }].slice(-MAX_MESSAGES) });
      return id;
    },
    dismiss(id) {
      set({ messages: get().messages.filter((m) => m.id !== id) });
    },
    togglePanel(panel) {
      const panels = get().panels;
      set({ panels: { ...panels, [panel]: !panels[panel] } });
    },
    setViewTab(tab) {
      set({ viewTab: tab });
    },
    setSideTab(tab) {
      if (get().sideTab !== tab) set({ sideTab: tab });
    },
    setViewsHeight(height) {
      set({ viewsHeight: height });
    },
    openDialog(dialog) {
      set({ dialog });
    },
    setSnapToGrid(on) {
      set({ snapToGrid: on });
    },
    setMinimap(on) {
      set({ minimap: on });
    },
  }));
}

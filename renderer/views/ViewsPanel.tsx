/**
 * The views under the canvas: the probe's input on the left, and on the
 * right whichever view suits the network (or its lesson). The training
 * charts join these tabs with the training panel.
 */
import { memo, useId, type KeyboardEvent } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { compiled } from '../graph/probe';
import { useDoc, useRuntime, useRuntimeStore } from '../store/context';
import type { ViewTab } from '../store/runtime-store';
import type { ViewState } from '../store/view-state';
import { ActivationPlotView } from './ActivationPlotView';
import { FunctionView } from './FunctionView';
import { OutputBars } from './OutputBars';
import { ProbeControls } from './ProbeControls';
import { SurfaceView } from './SurfaceView';
import { TruthTableView } from './TruthTableView';
import { useViewState } from './use-view-state';

const LABEL: Readonly<Record<ViewTab, string>> = {
  function: 'Function',
  surface: 'Surface',
  truthTable: 'Truth table',
  activationPlot: 'Activations',
  output: 'Output',
};

/** Views that make sense for this network, the most telling first. */
export function availableTabs(doc: NetworkDocument, view: ViewState): ViewTab[] {
  const tabs: ViewTab[] = [];
  const plan = compiled(doc).plan;
  const inputs = doc.nodes.filter((n) => n.kind === 'input');
  if (view.view === 'activationPlot') tabs.push('activationPlot');
  if (view.examples) tabs.push('truthTable');
  if (plan && plan.inputSize === 1) tabs.push('function');
  if (plan && plan.inputSize >= 2 && inputs.slice(0, 2).every((n) => n.kind === 'input' && n.size === 1)) tabs.push('surface');
  tabs.push('output');
  const preferred = view.view === 'surface' ? 'surface' : view.view === 'function' ? 'function' : null;
  if (preferred && tabs.includes(preferred)) return [preferred, ...tabs.filter((t) => t !== preferred)];
  return tabs;
}

export const ViewsPanel = memo(function ViewsPanel() {
  const doc = useDoc((s) => s.doc);
  const view = useViewState();
  const chosen = useRuntime((s) => s.viewTab);
  const runtime = useRuntimeStore();
  const tabs = availableTabs(doc, view);
  const tab = chosen && tabs.includes(chosen) ? chosen : tabs[0];
  const id = useId();
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
    if (next) {
      e.preventDefault();
      runtime.getState().setViewTab(next);
      document.getElementById(`${id}-${next}`)?.focus();
    }
  };
  return (
    <section className="nl-views" aria-label="Views">
      <div className="nl-views-probe">
        <h2 className="nl-section-title">Probe input</h2>
        <ProbeControls />
      </div>
      <div className="nl-views-main">
        <div role="tablist" aria-label="Views" className="nl-tabs" onKeyDown={onKey}>
          {tabs.map((t) => (
            <button
              key={t}
              id={`${id}-${t}`}
              role="tab"
              type="button"
              aria-selected={t === tab}
              aria-controls={`${id}-panel`}
              tabIndex={t === tab ? 0 : -1}
              className="nl-tab"
              data-testid={`tab-${t}`}
              onClick={() => runtime.getState().setViewTab(t)}
            >
              {LABEL[t]}
            </button>
          ))}
        </div>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`} className="nl-view-body">
          {tab === 'function' && <FunctionView />}
          {tab === 'surface' && <SurfaceView />}
          {tab === 'truthTable' && <TruthTableView />}
          {tab === 'activationPlot' && <ActivationPlotView />}
          {tab === 'output' && <OutputBars />}
        </div>
      </div>
    </section>
  );
});

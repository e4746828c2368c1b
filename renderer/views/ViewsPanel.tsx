/**
 * The views under the canvas: the probe's input on the left, and on the
 * right whichever views suit the network (or its lesson): what it computes
 * (function, surface, truth table, output), and how its training goes
 * (cost and accuracy, speed of learning, the digit views).
 */
import { memo, useCallback, useEffect, useId, type KeyboardEvent } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { isRecurrentNetwork } from '../../engine/recurrent/network';
import { compiled } from '../graph/probe';
import { useDoc, useRuntime, useRuntimeStore } from '../store/context';
import type { ViewTab } from '../store/runtime-store';
import type { ViewState } from '../store/view-state';
import { ConfusionMatrix, DigitDrawPad, MisclassifiedDigits, SpeedOfLearningChart, TrainingChart, TruthTable } from '../training';
import { ActivationPlotView } from './ActivationPlotView';
import { FunctionView } from './FunctionView';
import { OutputBars } from './OutputBars';
import { GateView } from './recurrent/GateView';
import { GradientKView } from './recurrent/GradientKView';
import { sequencePlan } from './recurrent/sequence-plan';
import { imageInput, ProbeControls } from './ProbeControls';
import { SurfaceView } from './SurfaceView';
import { useSize } from './use-size';
import { useViewState } from './use-view-state';

const LABEL: Readonly<Record<ViewTab, string>> = {
  function: 'Function',
  surface: 'Surface',
  truthTable: 'Truth table',
  activationPlot: 'Activations',
  training: 'Training',
  speed: 'Speed of learning',
  digits: 'Draw a digit',
  confusion: 'Confusion matrix',
  output: 'Output',
  gates: 'Gates',
  gradientVsK: 'Gradient vs k',
};

/** The digit views read 28 x 28 images: 784 inputs. */
const DIGIT_INPUTS = 28 * 28;

/** Views that make sense for this network, the most telling first. */
export function availableTabs(doc: NetworkDocument, view: ViewState): ViewTab[] {
  if (isRecurrentNetwork(doc)) return recurrentTabs(doc, view);
  const tabs: ViewTab[] = [];
  const plan = compiled(doc).plan;
  const inputs = doc.nodes.filter((n) => n.kind === 'input');
  const trainable = plan !== null && plan.output !== null && plan.output.size > 0;
  if (view.view === 'activationPlot') tabs.push('activationPlot');
  if (view.examples) tabs.push('truthTable');
  if (plan && plan.inputSize === 1) tabs.push('function');
  if (plan && plan.inputSize >= 2 && inputs.slice(0, 2).every((n) => n.kind === 'input' && n.size === 1)) tabs.push('surface');
  if (trainable) tabs.push('training');
  if (trainable && plan.inputSize === DIGIT_INPUTS) tabs.push('digits', 'confusion');
  if (trainable) tabs.push('speed');
  tabs.push('output');
  const preferred = view.view === 'surface' ? 'surface' : view.view === 'function' ? 'function' : view.view === 'training' ? 'training' : null;
  if (preferred && tabs.includes(preferred)) return [preferred, ...tabs.filter((t) => t !== preferred)];
  return tabs;
}

/**
 * A network with a recurrent node reads sequences, which compile() and so the
 * function, surface and output views cannot run: it gets the gate view, the
 * gradient against k and, once wired to train, the training charts; in the
 * order its lesson lists them.
 */
function recurrentTabs(doc: NetworkDocument, view: ViewState): ViewTab[] {
  const tabs: ViewTab[] = ['gates', 'gradientVsK'];
  if (sequencePlan(doc)?.plan) tabs.push('training');
  const wanted = (view.views ?? (view.view ? [view.view] : [])).flatMap((v) => ((tabs as string[]).includes(v) ? [v as ViewTab] : []));
  return [...wanted, ...tabs.filter((t) => !wanted.includes(t))];
}

/** The speed-of-learning chart draws one line per block with biases: its empty chart holds them ready. */
function layersWithBiases(doc: NetworkDocument): number {
  const plan = compiled(doc).plan;
  return plan ? plan.blocks.filter((b) => b.kind !== 'input').length : 1;
}

/** Height left for a chart in a view body of this height (its frame's title row and padding). */
const chartHeight = (body: number): number => Math.max(160, body - 64);

/** The drawing pad, which is the probe's input: the canvas shows every activation for the drawing. */
const DrawView = memo(function DrawView({ doc, height }: { doc: NetworkDocument; height: number }) {
  const runtime = useRuntimeStore();
  const input = imageInput(doc);
  const initial = useRuntime((s) => (input ? s.probeInputs[input.id] : undefined));
  const onDigit = useCallback(
    (digit: Float32Array | null) => {
      if (input) runtime.getState().setProbeInput(input.id, digit ? Array.from(digit) : new Array<number>(input.size).fill(0));
    },
    [input, runtime],
  );
  const pad = Math.round(Math.max(160, Math.min(280, height - 72)));
  return <DigitDrawPad network={doc} size={pad} initial={initial} onDigit={onDigit} />;
});

/** The test set through the network: which class it says for which, and the images it gets wrong. */
const TestDigitsView = memo(function TestDigitsView({ doc, height }: { doc: NetworkDocument; height: number }) {
  const cell = Math.round(Math.max(24, Math.min(44, (height - 170) / 10)));
  return (
    <div className="nl-test-digits">
      <ConfusionMatrix network={doc} cell={cell} />
      <MisclassifiedDigits network={doc} count={18} size={48} columns={6} />
    </div>
  );
});

export const ViewsPanel = memo(function ViewsPanel() {
  const doc = useDoc((s) => s.doc);
  const view = useViewState();
  const chosen = useRuntime((s) => s.viewTab);
  const runtime = useRuntimeStore();
  const tabs = availableTabs(doc, view);
  const tab = chosen && tabs.includes(chosen) ? chosen : tabs[0];
  const id = useId();
  const { ref: body, height } = useSize<HTMLDivElement>();
  // A narrow panel scrolls its tabs: the chosen one stays in sight.
  useEffect(() => {
    document.getElementById(`${id}-${tab}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [id, tab]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
    if (next) {
      e.preventDefault();
      runtime.getState().setViewTab(next);
      document.getElementById(`${id}-${next}`)?.focus();
    }
  };
  const recurrent = isRecurrentNetwork(doc);
  const scrolls = tab === 'gradientVsK' || tab === 'training' || tab === 'speed' || tab === 'digits' || tab === 'confusion' || tab === 'truthTable';
  // Views of every example at once (the table, the training views) have no use for one probe input, and
  // the drawing pad is the probe itself: they get the width.
  const probe = !recurrent && tab !== 'truthTable' && tab !== 'training' && tab !== 'speed' && tab !== 'digits' && tab !== 'confusion';
  const inputs = doc.nodes.filter((n) => n.kind === 'input');
  const imageOnly = inputs.length > 0 && inputs.every((n) => n.kind === 'input' && n.image !== undefined);
  return (
    <section className={`nl-views${probe ? (imageOnly ? ' is-image-probe' : '') : ' no-probe'}`} aria-label="Views">
      {probe && (
        <div className="nl-views-probe">
          <h2 className="nl-section-title">Probe input</h2>
          <ProbeControls canDraw={tabs.includes('digits')} />
        </div>
      )}
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
        <div
          ref={body}
          id={`${id}-panel`}
          role="tabpanel"
          aria-labelledby={`${id}-${tab}`}
          className={`nl-view-body${scrolls ? ' is-scrolling' : ''}`}
          data-export-title={LABEL[tab]}
        >
          {tab === 'function' && <FunctionView />}
          {tab === 'surface' && <SurfaceView />}
          {tab === 'truthTable' && <TruthTable network={doc} examples={view.examples} />}
          {tab === 'activationPlot' && <ActivationPlotView />}
          {tab === 'training' && <TrainingChart height={chartHeight(height)} />}
          {tab === 'speed' && <SpeedOfLearningChart height={chartHeight(height)} slots={layersWithBiases(doc)} />}
          {tab === 'digits' && <DrawView doc={doc} height={height} />}
          {tab === 'confusion' && <TestDigitsView doc={doc} height={height} />}
          {tab === 'output' && <OutputBars />}
          {tab === 'gates' && <GateView />}
          {tab === 'gradientVsK' && <GradientKView height={height} />}
        </div>
      </div>
    </section>
  );
});

/** Cost, optimizer, eta, mini-batch size, epochs, L2 lambda, initialisation, seed (and clipping and b_r for recurrent networks): the settings of the next run. */
import { memo, useId } from 'react';
import { costs, COST_NAMES, type CostName } from '../../../engine/costs';
import type { NetworkDocument } from '../../../engine/document';
import { INIT_LABELS, INIT_NAMES, type InitName } from '../../../engine/init';
import { OPTIMIZER_NAMES, type OptimizerName } from '../../../engine/optimizers';
import { DEFAULT_HYPERPARAMETERS, type Hyperparameters } from '../../../engine/project';
import { RECURRENT_HYPERPARAMETERS } from '../../../engine/recipes';
import { isRecurrentNetwork } from '../../../engine/recurrent/network';
import { useTraining, useTrainingStore } from '../context';
import { NumberField } from './NumberField';

export interface HyperparameterFormProps {
  network: NetworkDocument;
  /** The lesson's or project's own defaults, for "Defaults". */
  defaults?: Partial<Hyperparameters>;
}

const OPTIMIZER_LABELS: Record<OptimizerName, string> = { sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam' };
const LIVE = 'takes effect from the next epoch while training';

function outputCost(network: NetworkDocument): CostName | null {
  const out = network.nodes.find((n) => n.kind === 'output');
  return out && out.kind === 'output' ? out.cost : null;
}

export const HyperparameterForm = memo(function HyperparameterForm({ network, defaults }: HyperparameterFormProps) {
  const hp = useTraining((s) => s.settings.hyperparameters);
  const seed = useTraining((s) => s.settings.seed);
  const initialise = useTraining((s) => s.settings.initialise);
  const store = useTrainingStore();
  const set = (patch: Partial<Hyperparameters>): void => store.getState().setHyperparameters(patch);
  const id = useId();
  const own = outputCost(network);
  // The trainer draws a recurrent layer's weights its own way, in float64: those two settings do not apply.
  const recurrent = isRecurrentNetwork(network);

  return (
    <fieldset className="nl-tr-hp" data-testid="hyperparameters">
      <legend>Hyperparameters</legend>
      <div className="nl-tr-hp-grid">
        <div className="nl-tr-field">
          <label htmlFor={`${id}-cost`}>Cost</label>
          <select
            id={`${id}-cost`}
            value={hp.cost ?? ''}
            onChange={(e) => set({ cost: e.target.value === '' ? undefined : (e.target.value as CostName) })}
          >
            <option value="">{own ? `The Output’s (${costs[own].label})` : 'The Output’s'}</option>
            {COST_NAMES.map((c) => (
              <option key={c} value={c}>
                {costs[c].label}
              </option>
            ))}
          </select>
        </div>
        <div className="nl-tr-field">
          <label htmlFor={`${id}-opt`}>Optimizer</label>
          <select id={`${id}-opt`} value={hp.optimizer} onChange={(e) => set({ optimizer: e.target.value as OptimizerName })}>
            {OPTIMIZER_NAMES.map((o) => (
              <option key={o} value={o}>
                {OPTIMIZER_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        <NumberField label="Learning rate η" value={hp.eta} check={(v) => (v > 0 ? null : 'must be above 0')} onCommit={(eta) => set({ eta })} hint={LIVE} testId="hp-eta" />
        <NumberField
          label="Mini-batch size"
          integer
          value={hp.batchSize}
          check={(v) => (v >= 1 && v <= 1_000_000 ? null : 'from 1 to 1,000,000')}
          onCommit={(batchSize) => set({ batchSize })}
          testId="hp-batch"
        />
        <NumberField label="Epochs" integer value={hp.epochs} check={(v) => (v >= 1 && v <= 1_000_000 ? null : 'from 1 to 1,000,000')} onCommit={(epochs) => set({ epochs })} testId="hp-epochs" />
        <NumberField label="L2 λ" value={hp.lambda} check={(v) => (v >= 0 ? null : 'must be 0 or more')} onCommit={(lambda) => set({ lambda })} hint="0: no regularisation" testId="hp-lambda" />
        {hp.optimizer === 'momentum' && (
          <NumberField label="Momentum μ" value={hp.momentum ?? 0.9} check={(v) => (v >= 0 && v < 1 ? null : 'from 0 to below 1')} onCommit={(momentum) => set({ momentum })} />
        )}
        {recurrent && (
          <>
            <NumberField
              label="Clip gradient norm"
              value={hp.clipNorm ?? 0}
              check={(v) => (v >= 0 ? null : 'must be 0 (off) or more')}
              onCommit={(v) => set({ clipNorm: v > 0 ? v : undefined })}
              hint="0: off; a longer mini-batch gradient is scaled down to this length"
              testId="hp-clip"
            />
            <NumberField
              label="Rem gate bias b_r"
              value={hp.remBias ?? 1}
              check={() => null}
              onCommit={(remBias) => set({ remBias })}
              hint="fresh LSTM weights start rem near σ(b_r): keep the memory"
              testId="hp-rem-bias"
            />
          </>
        )}
        {!recurrent && (
        <div className="nl-tr-field is-wide">
          <label htmlFor={`${id}-init`}>Initial weights</label>
          <select id={`${id}-init`} value={hp.init} onChange={(e) => set({ init: e.target.value as InitName })}>
            {INIT_NAMES.map((n) => (
              <option key={n} value={n}>
                {INIT_LABELS[n]}
              </option>
            ))}
          </select>
        </div>
        )}
        <NumberField
          label="Seed"
          integer
          value={seed}
          check={(v) => (v >= 0 && v <= 0xffffffff ? null : 'from 0 to 4,294,967,295')}
          onCommit={(s) => store.getState().setSeed(s)}
          hint="shuffles, splits and fresh weights"
          testId="hp-seed"
        />
        {!recurrent && (
          <div className="nl-tr-field">
            <label htmlFor={`${id}-prec`}>Precision</label>
            <select id={`${id}-prec`} value={hp.precision} onChange={(e) => set({ precision: e.target.value as Hyperparameters['precision'] })}>
              <option value="float64">float64 (exact)</option>
              <option value="float32">float32 (faster)</option>
            </select>
          </div>
        )}
      </div>
      <div className="nl-tr-hp-row">
        <label className="nl-tr-check">
          <input type="checkbox" checked={initialise} onChange={(e) => store.getState().setInitialise(e.target.checked)} />
          Train starts from fresh weights drawn with the seed (else from the weights on the canvas)
        </label>
        <button
          type="button"
          className="nl-tr-button is-small"
          title="Put back the default hyperparameters (the lesson’s, when it has its own)"
          onClick={() => set({ ...(recurrent ? RECURRENT_HYPERPARAMETERS : DEFAULT_HYPERPARAMETERS), cost: undefined, momentum: undefined, ...defaults })}
        >
          Defaults
        </button>
      </div>
    </fieldset>
  );
});

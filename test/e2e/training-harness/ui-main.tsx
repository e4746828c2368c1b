/**
 * The training panel and every training view, mounted as the app shell is
 * told to mount them: one store, weights flowing back into the document.
 */
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initialiseDocument, layeredNetwork } from '../../../engine/build';
import type { NetworkDocument } from '../../../engine/document';
import { bitwiseOutput } from '../../../engine/lessons/bitwise';
import { connectWorkerTrainer } from '../../../renderer/platform/worker-connection';
import {
  ConfusionMatrix,
  createTrainingStore,
  DigitDrawPad,
  MisclassifiedDigits,
  settingsFor,
  SpeedOfLearningChart,
  TrainingChart,
  TrainingPanel,
  TrainingProvider,
  TruthTable,
  weightsIntoDocument,
} from '../../../renderer/training';

const params = new URLSearchParams(location.search);
const epochs = Number(params.get('epochs') ?? 2);
const store = createTrainingStore(
  () => connectWorkerTrainer(),
  settingsFor({ dataset: { source: 'builtin', name: 'digits' }, hyperparameters: { epochs, eta: 0.5, lambda: 5 }, seed: 1 }),
);
const exported: { name: string; kind: string; bytes: number[] }[] = [];
const bitwise = bitwiseOutput.build({ k: 10 });

function App() {
  const [network, setNetwork] = useState<NetworkDocument>(() =>
    initialiseDocument(layeredNetwork([784, 30, 10], { image: { width: 28, height: 28 }, cost: 'crossEntropy' }), 'scaledNormal', 1),
  );
  const latest = useRef(network);
  latest.current = network;
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (!s.weights || s.weights === prev.weights) return;
        const doc = weightsIntoDocument(latest.current, s.weights.params, s.weights.layout);
        if (doc) setNetwork(doc);
      }),
    [],
  );
  return (
    <TrainingProvider
      store={store}
      exportFile={async (name, data, kind) => {
        exported.push({ name, kind, bytes: Array.from(typeof data === 'string' ? new TextEncoder().encode(data) : data) });
      }}
    >
      <div className="layout">
        <TrainingPanel network={network} />
        <div className="views">
          <TrainingChart />
          <SpeedOfLearningChart />
          <ConfusionMatrix network={network} />
          <MisclassifiedDigits network={network} />
          <DigitDrawPad network={network} />
          <TruthTable network={bitwise.network} examples={bitwise.examples} />
        </div>
      </div>
    </TrainingProvider>
  );
}

(window as unknown as { exported: typeof exported; trainingStore: typeof store }).exported = exported;
(window as unknown as { trainingStore: typeof store }).trainingStore = store;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

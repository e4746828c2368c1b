/** What an empty canvas says: how to start, and the two quickest ways in. */
import { useRuntimeStore } from '../store/context';

export function EmptyCanvas() {
  const runtime = useRuntimeStore();
  return (
    <div className="nl-empty" role="note">
      <h2>Build a network</h2>
      <p>
        Drag an <strong>Input</strong>, a <strong>Neuron</strong> and an <strong>Output</strong> from the palette, then connect them by dragging from a
        node’s right handle to another node’s left handle.
      </p>
      <div className="nl-empty-actions">
        <button type="button" className="nl-button is-primary" onClick={() => runtime.getState().openDialog({ kind: 'gallery' })}>
          Open a lesson
        </button>
        <button type="button" className="nl-button" onClick={() => runtime.getState().openDialog({ kind: 'templates' })}>
          Start from a template
        </button>
      </div>
    </div>
  );
}

/** What a view of one input at a time says about a network that reads sequences, and the way to the view that shows it. */
import { memo } from 'react';
import { useRuntimeStore } from '../../store/context';

export const SequenceNote = memo(function SequenceNote() {
  const runtime = useRuntimeStore();
  return (
    <p className="nl-view-empty" data-testid="sequence-note">
      This network reads sequences, one step at a time, so it has no single output for one input: see the gate view.{' '}
      <button type="button" className="nl-button is-small" onClick={() => runtime.getState().setViewTab('gates')}>
        Open the gate view
      </button>
    </p>
  );
});

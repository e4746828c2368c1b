/** A row of a layer's units coloured by activation: the layer's state at a glance. */
import { memo } from 'react';
import { activationIntensity, signedColour } from '../../app/colours';
import { fmt } from '../../app/format';

export const MAX_CELLS = 32;

export const UnitStrip = memo(function UnitStrip({ values, size, activation }: { values: Float64Array | undefined; size: number; activation: string }) {
  const shown = Math.min(size, MAX_CELLS);
  const cells = [];
  for (let j = 0; j < shown; j++) {
    const a = values?.[j];
    cells.push(<span key={j} className="nl-cell" style={{ background: signedColour(activationIntensity(a, activation), 0.06) }} title={`unit ${j + 1}: a = ${fmt(a)}`} />);
  }
  return (
    <span className="nl-strip" aria-hidden="true">
      {cells}
      {size > shown && <span className="nl-strip-more">+{size - shown}</span>}
    </span>
  );
});

/**
 * The palette: drag a kind onto the canvas, or press Enter (or click) to
 * place it in the middle of the view, so every item works without a mouse.
 */
import { memo } from 'react';
import type { NodeKind } from '../../engine/document';
import { NODE_KINDS, PALETTE_ORDER } from '../graph/node-kinds';
import { describeShortcut } from '../app/shortcuts';

export const PALETTE_MIME = 'application/x-neuroloom-kind';

const ICON: Readonly<Record<NodeKind, string>> = { input: 'x', neuron: 'σ', layer: '▥', output: 'ŷ', recurrent: '↻' };

export const Palette = memo(function Palette({ onAdd }: { onAdd(kind: NodeKind): void }) {
  return (
    <section className="nl-palette" aria-labelledby="palette-title">
      <h2 id="palette-title" className="nl-section-title">
        Palette
      </h2>
      <ul className="nl-palette-list">
        {PALETTE_ORDER.map((kind, i) => {
          const info = NODE_KINDS[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className={`nl-palette-item nl-kind-${kind}`}
                draggable
                data-testid={`palette-${kind}`}
                aria-label={`Add ${info.title}: ${info.description}. Drag onto the canvas, or press Enter to place it in the middle (${describeShortcut(`Alt+${i + 1}`)}).`}
                title={`${info.description}\nDrag onto the canvas, or click to place it in the middle (${describeShortcut(`Alt+${i + 1}`)})`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, kind);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => onAdd(kind)}
              >
                <span className="nl-palette-icon" aria-hidden="true">
                  {ICON[kind]}
                </span>
                <span className="nl-palette-text">
                  <span className="nl-palette-name">{info.title}</span>
                  <span className="nl-palette-desc">{info.description}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});

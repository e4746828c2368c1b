/**
 * A recurrent layer on the canvas: its cell, its size, whether it answers
 * after the last step or at every step, and a small drawing of the cell (the
 * long-term memory running along the top, the gates r s f l writing into it,
 * the working memory looping back as the next step's input).
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CellKind } from '../../../engine/recurrent/layout';
import { plural } from '../../app/format';
import type { RecurrentFlowNode } from '../../graph/flow-types';
import { cellTitle } from '../../graph/recurrent-gates';
import { NodeShell } from './NodeShell';

const W = 184;
const H = 54;

/** An arrowhead whose tip is at (x, y); drawn as a path, since marker ids would repeat once per node. */
function Arrow({ x, y }: { x: number; y: number }) {
  return <path d={`M${x - 5} ${y - 3} L${x} ${y} L${x - 5} ${y + 3} z`} className="nl-cell-arrowhead" />;
}

/** The LSTM of figure 5.2 in miniature: ltm along the top (× rem, + save·ltm'), gate boxes below, wm out and back. */
function LstmDrawing() {
  const gate = (x: number, letter: string, fn: string) => (
    <g key={letter}>
      <rect x={x - 9} y={26} width={18} height={14} rx={3} className="nl-cell-gate" />
      <text x={x} y={36.5} textAnchor="middle" className="nl-cell-letter">
        {letter}
      </text>
      <title>{fn}</title>
    </g>
  );
  return (
    <>
      <path d={`M6 9 H${W - 8}`} className="nl-cell-ltm" />
      <Arrow x={W - 4} y={9} />
      <text x={4} y={6} className="nl-cell-note">
        ltm
      </text>
      {/* rem multiplies the old memory, save·ltm' is added to it. */}
      <path d="M46 26 V13" className="nl-cell-wire" />
      <circle cx={46} cy={9} r={4.5} className="nl-cell-op" />
      <text x={46} y={11.5} textAnchor="middle" className="nl-cell-opsign">
        ×
      </text>
      <path d="M74 26 V20 H86 M98 26 V20 H86 V13" className="nl-cell-wire" />
      <circle cx={86} cy={9} r={4.5} className="nl-cell-op" />
      <text x={86} y={11.5} textAnchor="middle" className="nl-cell-opsign">
        +
      </text>
      {/* focus chooses what of tanh(ltm) becomes wm. */}
      <path d="M136 9 V20 M128 26 V20 H150 V47 H170" className="nl-cell-wire" />
      {gate(46, 'r', 'rem: keep the memory')}
      {gate(74, 's', 'save: write the candidate')}
      {gate(98, 'l', "ltm': the candidate")}
      {gate(128, 'f', 'focus: show the memory')}
      <text x={174} y={50} className="nl-cell-note">
        wm
      </text>
      {/* The working memory feeds the next step: the recurrence. */}
      <path d="M160 47 Q160 52 150 52 H20 Q12 52 12 44 V33 H32" className="nl-cell-loop" />
      <Arrow x={36} y={33} />
    </>
  );
}

function RnnDrawing() {
  return (
    <>
      <path d="M6 22 H60" className="nl-cell-wire" />
      <Arrow x={64} y={22} />
      <text x={4} y={18} className="nl-cell-note">
        x_t
      </text>
      <rect x={64} y={12} width={48} height={20} rx={4} className="nl-cell-gate" />
      <text x={88} y={26} textAnchor="middle" className="nl-cell-letter">
        tanh
      </text>
      <path d={`M112 22 H${W - 24}`} className="nl-cell-wire" />
      <Arrow x={W - 20} y={22} />
      <text x={W - 16} y={26} className="nl-cell-note">
        h
      </text>
      <path d="M140 22 V46 H40 V28 H60" className="nl-cell-loop" />
      <Arrow x={64} y={28} />
    </>
  );
}

/** The drawing depends on the cell alone: two shared elements, never re-rendered by an edit of the weights. */
export const CellDrawing = memo(function CellDrawing({ cell }: { cell: CellKind }) {
  return (
    <svg className="nl-cell-drawing" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {cell === 'lstm' ? <LstmDrawing /> : <RnnDrawing />}
    </svg>
  );
});

export const RecurrentNodeView = memo(function RecurrentNodeView({ id, data, selected }: NodeProps<RecurrentFlowNode>) {
  const n = data.node;
  const cell = cellTitle(n.cell);
  const answers = n.outputs === 'last' ? 'sequence → one' : 'sequence → sequence';
  const said = n.outputs === 'last' ? 'answers after the last step' : 'answers at every step';
  const gates = n.cell === 'lstm' ? 'gates rem, save, focus and the candidate ltm′' : 'one tanh block, no gates';
  return (
    <NodeShell kind="recurrent" selected={selected} frozen={n.frozen} title={`${n.label}: ${cell}, ${plural(n.size, 'unit')}, ${said}${n.frozen ? ', frozen' : ''}`}>
      <span className="nl-layer-body">
        <span className="nl-layer-head">
          <span className="nl-unit nl-unit-small" aria-hidden="true">
            ↻
          </span>
          <span className="nl-node-label">{n.label}</span>
          <span className={`nl-cell-badge is-${n.cell}`}>{n.cell === 'lstm' ? 'LSTM' : 'RNN'}</span>
        </span>
        <CellDrawing cell={n.cell} />
        <span className="nl-node-sub" data-testid={`value-${id}`}>
          {plural(n.size, 'unit')} · {answers}
          {n.frozen ? ' · frozen' : ''}
        </span>
        <span className="sr-only">
          {cell} layer with {gates}; {plural(n.size, 'unit')}; it reads its input one step at a time and {said}
          {n.frozen ? '; frozen: training leaves it alone' : ''}.
        </span>
      </span>
    </NodeShell>
  );
});

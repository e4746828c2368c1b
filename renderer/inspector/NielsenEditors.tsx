/**
 * Chapter 4's handles: a step neuron edited by its step point s and
 * steepness w; a pair of steps by its bump height h.
 */
import { memo, useState } from 'react';
import type { NetworkDocument } from '../../engine/document';
import { fmt } from '../app/format';
import { bumpPairs, setBumpHeight, setStep, stepView, type BumpPair } from '../graph/nielsen';
import { CheckField, Section } from './fields';
import { ParamControl } from './ParamControl';
import { coalesce, useEdit } from './use-edit';
import { useStableCallback } from './use-stable-callback';

export const StepEditor = memo(function StepEditor({ doc, id }: { doc: NetworkDocument; id: string }) {
  const edit = useEdit();
  const view = stepView(doc, id);
  const onS = useStableCallback((s: number, g: string | null) => {
    if (view) edit('Move step', (d) => setStep(d, id, s, view.w), coalesce(`s:${id}`, g));
  });
  const onW = useStableCallback((w: number, g: string | null) => {
    if (view) edit('Set steepness', (d) => setStep(d, id, view.s ?? 0, w), coalesce(`sw:${id}`, g));
  });
  if (!view) return null;
  return (
    <Section title="As a step (Nielsen, ch. 4)" testId="step-editor">
      <p className="nl-hint">
        σ(w x + b) steps from 0 to 1 at s = −b/w; a large w makes the step sharp.
      </p>
      {view.s === null ? (
        <p className="nl-hint">w is 0, so there is no step. Give the neuron a steepness first.</p>
      ) : (
        <ParamControl
          label="Step point s"
          value={view.s}
          testId="step-s"
          onChange={onS}
        />
      )}
      <ParamControl
        label="Steepness w"
        value={view.w}
        testId="step-w"
        onChange={onW}
      />
    </Section>
  );
});

/** At most this many bump editors at once; a network of many bumps is edited pair by pair. */
export const MAX_BUMP_EDITORS = 3;

/**
 * The bumps worth an editor for a selection: pairs whose weights are already
 * h and -h, or the one pair of steps that alone feed a neuron (the bump being
 * built by hand). With one neuron selected, pairs that contain it or feed it;
 * with several, pairs made of them.
 */
export function pairsFor(doc: NetworkDocument, ids: readonly string[]): BumpPair[] {
  const single = ids.length === 1 ? ids[0] : null;
  const candidates = single && doc.edges.filter((e) => e.target === single).length >= 2 ? bumpPairs(doc, doc.nodes.map((n) => n.id)) : bumpPairs(doc, ids);
  const want = new Set(ids);
  const feeding = new Map<string, number>();
  for (const p of candidates) feeding.set(`${p.up.edge.source}|${p.target}`, (feeding.get(`${p.up.edge.source}|${p.target}`) ?? 0) + 1);
  return candidates.filter((p) => {
    const inSelection = ids.length >= 2 ? want.has(p.up.neuron.id) && want.has(p.down.neuron.id) : want.has(p.up.neuron.id) || want.has(p.down.neuron.id) || want.has(p.target);
    return inSelection && (p.h !== null || feeding.get(`${p.up.edge.source}|${p.target}`) === 1);
  });
}

export const BumpEditors = memo(function BumpEditors({ doc, ids }: { doc: NetworkDocument; ids: readonly string[] }) {
  const pairs = pairsFor(doc, ids);
  if (pairs.length === 0) return null;
  return (
    <>
      {pairs.slice(0, MAX_BUMP_EDITORS).map((p) => (
        <BumpEditor key={`${p.upEdge.id}|${p.downEdge.id}`} doc={doc} pair={p} />
      ))}
      {pairs.length > MAX_BUMP_EDITORS && (
        <p className="nl-hint">
          {pairs.length - MAX_BUMP_EDITORS} more bumps share these neurons; select the two steps of a bump to edit its height.
        </p>
      )}
    </>
  );
});

function BumpEditor({ doc, pair }: { doc: NetworkDocument; pair: BumpPair }) {
  const edit = useEdit();
  const target = doc.nodes.find((n) => n.id === pair.target);
  const sigmoidTarget = target?.kind === 'neuron' && target.activation === 'sigmoid';
  const [indicator, setIndicator] = useState(sigmoidTarget);
  const current = pair.h ?? (pair.upEdge.weights as number[][])[0][0];
  const onH = useStableCallback((h: number, g: string | null) => edit('Set bump height', (d) => setBumpHeight(d, pair, h, indicator && sigmoidTarget), coalesce(`h:${pair.upEdge.id}`, g)));
  return (
    <Section title={`Bump: ${pair.up.neuron.label} and ${pair.down.neuron.label}`} testId="bump-editor">
      <p className="nl-hint">
        Steps at s = {fmt(pair.up.s)} and {fmt(pair.down.s)} feed “{target?.label}” with weights h and −h: a bump of height h between them.
        {pair.h === null ? ' The weights are not yet h and −h; moving h sets both.' : ''}
      </p>
      <ParamControl
        label="Bump height h"
        value={current}
        testId="bump-h"
        onChange={onH}
      />
      {sigmoidTarget && (
        <CheckField
          label={`Also set the bias of “${target?.label}” to −h/2`}
          checked={indicator}
          onChange={setIndicator}
          hint="σ(h a₁ − h a₂ − h/2) is about 1 between the steps and 0 outside (the seed’s figure 4.2)."
          testId="bump-indicator"
        />
      )}
    </Section>
  );
}

/**
 * A parameter as a slider beside an exact field. The slider's range adapts
 * to the value when a drag ends (never during one, so the thumb does not jump
 * under the pointer); one drag is one undo step.
 */
import { memo, useCallback, useId, useRef, useState } from 'react';
import { fmt } from '../app/format';
import { NumberField } from './NumberField';
import { sliderRange, sliderStep } from './ranges';
import { useStableCallback } from './use-stable-callback';

let gestures = 0;

export interface ParamControlProps {
  label: string;
  value: number;
  /** `gesture` is the same for every change of one drag (the store coalesces them). */
  onChange(value: number, gesture: string | null): void;
  /** Smallest half-range the slider offers (default 1). */
  floor?: number;
  /** A fixed range instead of the adaptive one. */
  range?: readonly [number, number];
  hint?: string;
  testId?: string;
}

export const ParamControl = memo(function ParamControl({ label, value, onChange, floor = 1, range, hint, testId }: ParamControlProps) {
  const [adaptive, setAdaptive] = useState<[number, number]>(() => sliderRange(value, floor));
  const gesture = useRef<string | null>(null);
  const id = useId();
  const [lo, hi] = range ?? adaptive;
  const settle = useCallback(() => {
    gesture.current = null;
    setAdaptive(sliderRange(value, floor));
  }, [value, floor]);
  const commitExact = useStableCallback((v: number) => onChange(v, null));
  // A value typed outside the range widens it at once.
  if (!range && (value < adaptive[0] || value > adaptive[1])) setAdaptive(sliderRange(value, floor));

  return (
    <div className="nl-param">
      <div className="nl-param-head">
        <label htmlFor={id}>{label}</label>
        <NumberField value={value} label={`${label} (exact)`} hideLabel onCommit={commitExact} testId={testId ? `${testId}-field` : undefined} />
      </div>
      <input
        id={id}
        type="range"
        min={lo}
        max={hi}
        step={sliderStep([lo, hi])}
        value={Math.max(lo, Math.min(hi, value))}
        aria-valuetext={fmt(value)}
        data-testid={testId ? `${testId}-slider` : undefined}
        onPointerDown={() => {
          gesture.current = `g${++gestures}`;
        }}
        onKeyDown={() => {
          gesture.current ??= `k${++gestures}`;
        }}
        onChange={(e) => onChange(Number(e.target.value), gesture.current ?? `c${++gestures}`)}
        onPointerUp={settle}
        onKeyUp={settle}
        onBlur={settle}
      />
      <div className="nl-param-scale" aria-hidden="true">
        <span>{fmt(lo, 3)}</span>
        {hint && <span className="nl-param-hint">{hint}</span>}
        <span>{fmt(hi, 3)}</span>
      </div>
    </div>
  );
});

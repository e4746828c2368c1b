/** A lesson parameter as a control: sliders (linear or log) with exact fields, a choice, a check box. */
import { memo, useId, useRef } from 'react';
import type { ParameterSpec, ParameterValue } from '../../engine/lessons/types';
import { fmt } from '../app/format';
import { NumberField } from '../inspector/NumberField';
import { fromLog, toLog } from '../inspector/ranges';

let gestures = 0;

export const LessonControl = memo(function LessonControl({
  spec,
  value,
  error,
  onChange,
}: {
  spec: ParameterSpec;
  value: ParameterValue;
  error: string | null;
  onChange(value: ParameterValue, gesture: string | null): void;
}) {
  const id = useId();
  const gesture = useRef<string | null>(null);
  const start = (): void => {
    gesture.current ??= `l${++gestures}`;
  };
  const end = (): void => {
    gesture.current = null;
  };
  const help = (
    <span className="nl-hint" id={`${id}-help`}>
      {spec.description}
    </span>
  );
  const problem = error && (
    <span className="nl-field-error" role="alert">
      {error}
    </span>
  );
  if (spec.kind === 'choice') {
    return (
      <div className="nl-lesson-control">
        <label htmlFor={id}>{spec.label}</label>
        <select id={id} value={String(value)} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.value, null)}>
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {help}
        {problem}
      </div>
    );
  }
  if (spec.kind === 'boolean') {
    return (
      <div className="nl-lesson-control nl-check">
        <input id={id} type="checkbox" checked={value === true} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.checked, null)} />
        <label htmlFor={id}>{spec.label}</label>
        {help}
        {problem}
      </div>
    );
  }
  const v = typeof value === 'number' ? value : spec.default;
  const log = spec.kind === 'number' && spec.scale === 'log' && spec.min > 0;
  const position = log ? toLog(v, spec.min, spec.max) : v;
  const snap = (x: number): number => {
    if (spec.kind === 'integer') return Math.round((x - spec.min) / spec.step) * spec.step + spec.min;
    // Log sliders land on a few significant digits, so the bias labels stay readable.
    return log ? Number(x.toPrecision(3)) : Math.round(x / spec.step) * spec.step;
  };
  return (
    <div className="nl-lesson-control">
      <div className="nl-param-head">
        <label htmlFor={id}>{spec.label}</label>
        <NumberField
          label={`${spec.label} (exact)`}
          hideLabel
          value={v}
          min={spec.min}
          max={spec.max}
          integer={spec.kind === 'integer'}
          onCommit={(x) => onChange(x, null)}
          testId={`lesson-${spec.name}-field`}
        />
      </div>
      <input
        id={id}
        type="range"
        min={log ? 0 : spec.min}
        max={log ? 1 : spec.max}
        step={log ? 0.001 : spec.step}
        value={position}
        aria-valuetext={fmt(v)}
        aria-describedby={`${id}-help`}
        data-testid={`lesson-${spec.name}-slider`}
        onPointerDown={start}
        onKeyDown={start}
        onPointerUp={end}
        onKeyUp={end}
        onBlur={end}
        onChange={(e) => {
          const raw = Number(e.target.value);
          onChange(snap(log ? fromLog(raw, spec.min, spec.max) : raw), gesture.current);
        }}
      />
      <div className="nl-param-scale" aria-hidden="true">
        <span>{fmt(spec.min, 3)}</span>
        {log && <span className="nl-param-hint">log scale</span>}
        <span>{fmt(spec.max, 3)}</span>
      </div>
      {help}
      {problem}
    </div>
  );
});

/**
 * An exact number field: it selects its text on focus so typing replaces
 * the value, Enter (or leaving the field) applies, Escape restores. What it
 * cannot read is marked and explained, never applied.
 */
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { exact } from '../app/format';
import { parseNumber } from './ranges';

export interface NumberFieldProps {
  value: number;
  onCommit(value: number): void;
  label: string;
  /** Hide the label visually (it is still read by screen readers). */
  hideLabel?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  disabled?: boolean;
  className?: string;
  testId?: string;
}

export const NumberField = memo(function NumberField({ value, onCommit, label, hideLabel, min, max, integer, disabled, className, testId }: NumberFieldProps) {
  const [text, setText] = useState(exact(value));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  const id = useId();

  useEffect(() => {
    if (!editing.current) {
      setText(exact(value));
      setError(null);
    }
  }, [value]);

  const commit = (): boolean => {
    const v = parseNumber(text);
    let problem: string | null = null;
    if (v === null) problem = 'Type a number, such as 0.5, -2 or 1e-3.';
    else if (integer && !Number.isInteger(v)) problem = 'Type a whole number.';
    else if (min !== undefined && v < min) problem = `The smallest allowed is ${min}.`;
    else if (max !== undefined && v > max) problem = `The largest allowed is ${max}.`;
    setError(problem);
    if (problem !== null || v === null) return false;
    if (v !== value) onCommit(v);
    setText(exact(v));
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
      e.currentTarget.select();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setText(exact(value));
      setError(null);
      e.currentTarget.select();
    }
  };

  return (
    <span className={`nl-number ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'nl-number-label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        onFocus={(e) => {
          editing.current = true;
          e.currentTarget.select();
        }}
        onBlur={() => {
          editing.current = false;
          if (!commit()) {
            setText(exact(value));
          }
        }}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id={`${id}-error`} role="alert" className="nl-field-error">
          {error}
        </span>
      )}
    </span>
  );
});

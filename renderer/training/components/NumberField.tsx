/**
 * A number field that commits on Enter or when it loses focus, and says
 * what is wrong with a value it cannot take instead of taking it.
 */
import { useEffect, useId, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  /** Returns the problem with a value, or null when it is fine. */
  check(v: number): string | null;
  onCommit(v: number): void;
  hint?: string;
  integer?: boolean;
  testId?: string;
}

export function NumberField({ label, value, check, onCommit, hint, integer = false, testId }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setProblem(null);
  }, [value]);
  const commit = (): void => {
    const t = text.trim();
    const v = t === '' ? NaN : Number(t);
    const why = !Number.isFinite(v) ? 'not a number' : integer && !Number.isInteger(v) ? 'must be a whole number' : check(v);
    setProblem(why);
    if (why === null && v !== value) onCommit(v);
  };
  return (
    <div className={`nl-tr-field${problem ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem || hint ? `${id}-note` : undefined}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(String(value));
            setProblem(null);
          }
        }}
      />
      {(problem || hint) && (
        <span id={`${id}-note`} className={problem ? 'nl-tr-field-error' : 'nl-tr-field-hint'}>
          {problem ?? hint}
        </span>
      )}
    </div>
  );
}

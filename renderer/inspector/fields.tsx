/** Small inspector fields: a text field that commits like the number field, a labelled select, a check box. */
import { memo, useEffect, useId, useState, type ReactNode } from 'react';

export const TextField = memo(function TextField({ label, value, onCommit, testId }: { label: string; value: string; onCommit(v: string): void; testId?: string }) {
  const [text, setText] = useState(value);
  const id = useId();
  useEffect(() => setText(value), [value]);
  const commit = (): void => {
    if (text !== value) onCommit(text);
  };
  return (
    <div className="nl-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        data-testid={testId}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value);
        }}
      />
    </div>
  );
});

function SelectFieldImpl<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="nl-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
        {value === '' && <option value="">(mixed)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Memoised: a select re-rendered walks all its options, so it renders only when its own props change. */
export const SelectField = memo(SelectFieldImpl) as typeof SelectFieldImpl;

export const CheckField = memo(function CheckField({ label, checked, onChange, hint, testId }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: string; testId?: string }) {
  const id = useId();
  return (
    <div className="nl-check">
      <input id={id} type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="nl-hint">
          {hint}
        </span>
      )}
    </div>
  );
});

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="nl-inspector-section" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

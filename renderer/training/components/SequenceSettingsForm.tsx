/**
 * The settings of a generated sequence set (how many sequences, how long,
 * the delay k of delayed recall, ...): only the ones the set reads, each
 * range-checked as the project schema checks it.
 */
import { memo } from 'react';
import { resolveSequenceSettings, type SequenceSetName, type SequenceSettingName } from '../../../engine/datasets/sequence-sets';
import { sequenceSettingsSchema, type SequenceSettings } from '../../../engine/project';
import { NumberField } from './NumberField';

const LABELS: Readonly<Record<SequenceSettingName, { label: string; hint: string }>> = {
  count: { label: 'Sequences', hint: 'in the training set; the test set is a fresh quarter of that' },
  length: { label: 'Steps per sequence', hint: 'T' },
  delay: { label: 'Delay k', hint: 'name the symbol seen k steps ago' },
  symbols: { label: 'Symbols', hint: 'one-hot inputs and outputs' },
  targets: { label: 'Targets', hint: '' },
};

type NumericSetting = Exclude<SequenceSettingName, 'targets'>;

/** The schema's message for one value, or null when the schema takes it. */
function problemWith(name: NumericSetting, v: number): string | null {
  const parsed = sequenceSettingsSchema.shape[name].safeParse(v);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not allowed');
}

export interface SequenceSettingsFormProps {
  set: SequenceSetName;
  names: readonly SequenceSettingName[];
  value: SequenceSettings;
  onChange(next: SequenceSettings): void;
}

export const SequenceSettingsForm = memo(function SequenceSettingsForm({ set, names, value, onChange }: SequenceSettingsFormProps) {
  // What the set is generated from now: a length left out follows the delay.
  const resolved = resolveSequenceSettings(set, value);
  return (
    <div className="nl-tr-hp-grid" data-testid="sequence-settings">
      {names.map((name) => {
        if (name === 'targets') {
          return (
            <div className="nl-tr-field" key={name}>
              <label htmlFor="sequence-targets">Targets</label>
              <select
                id="sequence-targets"
                data-testid="sequence-targets"
                value={resolved.targets}
                onChange={(e) => onChange({ ...value, targets: e.target.value === 'every' ? 'every' : 'last' })}
              >
                <option value="last">One, after the last step</option>
                <option value="every">At every step from k on</option>
              </select>
            </div>
          );
        }
        const { label } = LABELS[name];
        const hint = name === 'length' && value.length === undefined && set === 'delayed-recall' ? 'follows k until you set it' : LABELS[name].hint;
        return (
          <NumberField
            key={name}
            label={label}
            hint={hint || undefined}
            integer
            value={resolved[name]}
            check={(v) => problemWith(name, v)}
            // A length left at its default follows k (delayed recall): only a value the user typed is kept.
            onCommit={(v) => onChange({ ...value, [name]: v })}
            testId={`sequence-${name}`}
          />
        );
      })}
    </div>
  );
});

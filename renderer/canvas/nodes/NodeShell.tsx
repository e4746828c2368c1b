/** The frame every node shares: handles where the kind has them, a kind stripe, selection and frozen marks. */
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { NodeKind } from '../../../engine/document';

export interface NodeShellProps {
  kind: NodeKind;
  selected: boolean;
  frozen?: boolean;
  className?: string;
  children: ReactNode;
  title?: string;
}

export function NodeShell({ kind, selected, frozen, className, children, title }: NodeShellProps) {
  return (
    <div className={`nl-node nl-node-${kind}${selected ? ' is-selected' : ''}${frozen ? ' is-frozen' : ''} ${className ?? ''}`} title={title}>
      {kind !== 'input' && <Handle type="target" position={Position.Left} className="nl-handle nl-handle-in" aria-label="input handle" />}
      {children}
      {kind !== 'output' && <Handle type="source" position={Position.Right} className="nl-handle nl-handle-out" aria-label="output handle" />}
    </div>
  );
}

export const ACTIVATION_GLYPH: Readonly<Record<string, string>> = {
  sigmoid: 'σ',
  tanh: 'tanh',
  relu: 'ReLU',
  linear: 'lin',
  perceptron: 'step',
  softmax: 'soft',
};

export const ACTIVATION_LABEL: Readonly<Record<string, string>> = {
  sigmoid: 'Sigmoid σ(z)',
  tanh: 'tanh(z)',
  relu: 'ReLU max(0, z)',
  linear: 'Linear z',
  perceptron: 'Perceptron (step)',
  softmax: 'Softmax',
};

/** How many targets the project's dataset has per example, when the renderer knows it. */
import { catalogEntry } from '../../engine/datasets/catalog';
import { useDoc } from '../store/context';

export function useTargetSize(): number | undefined {
  return useDoc((s) => (s.meta.dataset?.source === 'builtin' ? catalogEntry(s.meta.dataset.name)?.outputSize : undefined));
}

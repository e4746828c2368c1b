/** The project's view settings (lesson, ranges, target, examples), read once per change. */
import { useMemo } from 'react';
import { useDoc } from '../store/context';
import { readViewState, type ViewState } from '../store/view-state';

export function useViewState(): ViewState {
  const view = useDoc((s) => s.meta.view);
  return useMemo(() => readViewState(view), [view]);
}

/**
 * A callback whose identity never changes but which always runs the latest
 * function given. Memoised fields then skip re-rendering when only their
 * parent's closures are new (every edit makes new ones): React rewrites an
 * input's attributes on every render, which makes the browser restyle and
 * relayout it, so on a slider drag the unchanged fields of the inspector
 * would cost a frame's time for nothing.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  // Events run after the commit, by which time the layout effect has stored this render's function.
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

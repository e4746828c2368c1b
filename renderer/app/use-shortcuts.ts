/** One key handler for the whole window, driven by the command table. */
import { useEffect } from 'react';
import type { Command } from './commands';
import { matches } from './shortcuts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  // Sliders and checkboxes do not take text; Delete and Ctrl+Z still mean the canvas there.
  return type !== 'range' && type !== 'checkbox' && type !== 'radio' && type !== 'button';
}

export function useShortcuts(commands: readonly Command[], enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const editable = isEditable(e.target);
      const inDialog = e.target instanceof HTMLElement && e.target.closest('dialog') !== null;
      for (const command of commands) {
        if (!command.shortcuts?.some((s) => matches(s, e))) continue;
        if ((editable || inDialog) && !command.global) return;
        // Let the browser copy text the user selected on purpose.
        if ((command.id === 'copy' || command.id === 'cut') && (window.getSelection()?.toString() ?? '') !== '') return;
        // Arrow keys on a focused slider and Backspace in a field are theirs; Delete/Backspace on the canvas are ours.
        e.preventDefault();
        command.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, enabled]);
}

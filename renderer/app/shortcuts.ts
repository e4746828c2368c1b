/**
 * Keyboard shortcuts as data: "Mod" is Ctrl, or Cmd on a Mac. One table
 * feeds the key handler, the menus' hints and the shortcuts dialog.
 */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

// Read through globalThis so this module also loads where there is no DOM (unit tests).
const platform = (globalThis as { navigator?: { platform?: string } }).navigator?.platform ?? '';
export const IS_MAC = /Mac|iPhone|iPad/.test(platform);

/** Does the event match a shortcut such as "Mod+Shift+Z", "Delete" or "Shift+1"? */
export function matches(shortcut: string, e: KeyLike, mac = IS_MAC): boolean {
  const plusKey = shortcut.endsWith('+');
  const parts = (plusKey ? shortcut.slice(0, -1) : shortcut).split('+').filter((p) => p !== '');
  const key = plusKey ? '+' : (parts.pop() ?? '');
  const mods = new Set(parts);
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (mods.has('Mod') !== mod) return false;
  if (!mods.has('Mod') && (e.ctrlKey || e.metaKey)) return false;
  if (mods.has('Alt') !== e.altKey) return false;
  const wantShift = mods.has('Shift');
  // Shifted symbols ("?", "+") arrive with shiftKey set: accept them either way.
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (!symbol && wantShift !== e.shiftKey) return false;
  if (key.length === 1 && /[a-z]/i.test(key)) return e.key.toLowerCase() === key.toLowerCase();
  // Shift+1 arrives as "!" on most layouts.
  if (wantShift && key === '1') return e.key === '1' || e.key === '!';
  return e.key === key;
}

/** The shortcut as shown to a user on this platform. */
export function describeShortcut(shortcut: string, mac = IS_MAC): string {
  return shortcut
    .split('+')
    .map((p) => (p === 'Mod' ? (mac ? '⌘' : 'Ctrl') : p === 'Shift' && mac ? '⇧' : p === 'Alt' && mac ? '⌥' : p))
    .join(mac ? '' : '+');
}

import { describe, expect, it } from 'vitest';
import { describeShortcut, matches } from '../../renderer/app/shortcuts';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('shortcuts', () => {
  it('tells undo, redo (both forms) and select-all apart on Linux and Windows', () => {
    expect(matches('Mod+Z', key('z', { ctrl: true }), false)).toBe(true);
    expect(matches('Mod+Z', key('Z', { ctrl: true, shift: true }), false)).toBe(false);
    expect(matches('Mod+Shift+Z', key('Z', { ctrl: true, shift: true }), false)).toBe(true);
    expect(matches('Mod+Y', key('y', { ctrl: true }), false)).toBe(true);
    expect(matches('Mod+A', key('a', { meta: true }), false)).toBe(false);
    expect(matches('Delete', key('Delete'), false)).toBe(true);
    expect(matches('Delete', key('Delete', { ctrl: true }), false)).toBe(false);
  });

  it('uses Cmd on a Mac', () => {
    expect(matches('Mod+Z', key('z', { meta: true }), true)).toBe(true);
    expect(matches('Mod+Z', key('z', { ctrl: true }), true)).toBe(false);
    expect(describeShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(describeShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
  });

  it('accepts shifted symbols and Shift+1 as typed', () => {
    expect(matches('Shift+1', key('!', { shift: true }), false)).toBe(true);
    expect(matches('+', key('+', { shift: true }), false)).toBe(true);
    expect(matches('?', key('?', { shift: true }), false)).toBe(true);
    expect(matches('Shift+1', key('1'), false)).toBe(false);
  });
});

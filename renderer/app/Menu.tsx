/** A menu button: arrow keys move, Enter runs, Escape closes and returns focus to the button. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeShortcut } from './shortcuts';

export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  checked?: boolean;
  disabled?: boolean;
  run(): void;
}

export function Menu({ label, items }: { label: string; items: readonly (MenuItem | 'separator')[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusItem = (i: number): void => {
    const els = list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])');
    if (!els || els.length === 0) return;
    els[(i + els.length) % els.length].focus();
  };
  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const close = (e: MouseEvent): void => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  const onKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    const els = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])') ?? []);
    const i = els.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusItem(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusItem(i - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusItem(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusItem(els.length - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };
  return (
    <div className="nl-menu">
      <button
        ref={button}
        type="button"
        className={`nl-menu-button${open ? ' is-open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={`menu-${label.toLowerCase()}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul ref={list} role="menu" aria-label={label} className="nl-menu-list" onKeyDown={onKey}>
          {items.map((item, i) =>
            item === 'separator' ? (
              <li key={`s${i}`} role="separator" className="nl-menu-sep" />
            ) : (
              <li key={item.id} role="none">
                <button
                  type="button"
                  role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                  aria-checked={item.checked}
                  disabled={item.disabled}
                  data-testid={`menuitem-${item.id}`}
                  onClick={() => {
                    setOpen(false);
                    item.run();
                  }}
                >
                  <span className="nl-menu-check" aria-hidden="true">
                    {item.checked ? '✓' : ''}
                  </span>
                  <span className="nl-menu-label">{item.label}</span>
                  {item.shortcut && <kbd>{describeShortcut(item.shortcut)}</kbd>}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

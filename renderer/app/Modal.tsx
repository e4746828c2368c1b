/** A modal dialog on the native <dialog>: focus moves in and back, Escape closes, the page behind is inert. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({ title, onClose, children, wide, testId }: { title: string; onClose(): void; children: ReactNode; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`nl-modal${wide ? ' is-wide' : ''}`}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="nl-modal-box">
        <header className="nl-modal-header">
          <h2>{title}</h2>
          <button type="button" className="nl-icon-button" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        <div className="nl-modal-body">{children}</div>
      </div>
    </dialog>
  );
}

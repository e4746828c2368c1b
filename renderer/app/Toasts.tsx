/** Messages at the bottom of the window: read out by screen readers, errors stay until dismissed or replaced. */
import { memo, useEffect } from 'react';
import { useRuntime, useRuntimeStore } from '../store/context';
import type { Message } from '../store/runtime-store';

function Toast({ message }: { message: Message }) {
  const runtime = useRuntimeStore();
  useEffect(() => {
    const t = setTimeout(() => runtime.getState().dismiss(message.id), message.tone === 'error' ? 9000 : 4000);
    return () => clearTimeout(t);
  }, [message, runtime]);
  return (
    <li className={`nl-toast is-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid={`toast-${message.tone}`}>
      <span>{message.text}</span>
      <button type="button" className="nl-icon-button" aria-label="Dismiss" onClick={() => runtime.getState().dismiss(message.id)}>
        ✕
      </button>
    </li>
  );
}

export const Toasts = memo(function Toasts() {
  const messages = useRuntime((s) => s.messages);
  return (
    <ul className="nl-toasts" aria-live="polite">
      {messages.map((m) => (
        <Toast key={m.id} message={m} />
      ))}
    </ul>
  );
});

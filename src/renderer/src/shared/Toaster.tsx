import { useEffect } from 'react';
import { ACTION_TOAST_MS, TOAST_MS, useToast } from './toast';

/** The live region that shows the current message (and its Undo); screen readers announce it. */
export function Toaster() {
  const { message, action, serial, dismiss } = useToast();
  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(dismiss, action ? ACTION_TOAST_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, action, serial, dismiss]);
  return (
    <div className="toast" role="status" aria-label="Message" aria-live="polite" data-visible={message !== null} data-action={action !== null}>
      {message}
      {action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            dismiss();
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}

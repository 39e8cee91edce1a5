import { useEffect } from 'react';
import { TOAST_MS, useToast } from './toast';

/** The live region that shows the current message; screen readers announce it. */
export function Toaster() {
  const { message, serial, dismiss } = useToast();
  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, serial, dismiss]);
  return (
    <div className="toast" role="status" aria-label="Message" aria-live="polite" data-visible={message !== null}>
      {message}
    </div>
  );
}

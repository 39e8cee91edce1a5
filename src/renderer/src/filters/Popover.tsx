import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A button that opens a small panel under it (the date range, the duration, "Save view…"): the
 * panel takes the focus, and Escape or a click elsewhere closes it, giving the focus back.
 */
export function Popover({
  label,
  buttonText,
  applied = false,
  open,
  onOpenChange,
  children,
  align = 'left',
}: {
  /** the button's accessible name, and the panel's */
  label: string;
  buttonText: ReactNode;
  /** the filter it sets is on: the button says so */
  applied?: boolean;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
  align?: 'left' | 'right';
}) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // the first field (or button) of the panel, so typing starts at once
    panel.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, onOpenChange]);

  return (
    <div
      className="popover-anchor"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          // the app's own Escape handlers (the search box) must not see it
          event.stopPropagation();
          onOpenChange(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`button small filter-button${applied ? ' applied' : ''}`}
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => onOpenChange(!open)}
      >
        {buttonText} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={panel} id={id} role="group" aria-label={label} className={`popover filter-popover ${align}`}>
          {children}
        </div>
      )}
    </div>
  );
}

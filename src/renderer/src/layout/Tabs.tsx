import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  /** the tab's accessible name, exactly (tests and screen readers find the tab by it). */
  label: string;
  /** a figure beside the label (a count); described, not part of the name. */
  badge?: ReactNode;
  /** draws attention to the tab (e.g. a failed evaluation inside). */
  alert?: boolean;
  render(): ReactNode;
}

const NEXT: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * A tab list and the selected tab's panel (the others are not rendered). Keys as the ARIA
 * practices have them: arrows move to the next tab and select it, Home / End to the first / last;
 * only the selected tab is in the Tab order.
 */
export function Tabs<T extends string>({ label, items, selected, onSelect }: { label: string; items: readonly TabItem<T>[]; selected: T; onSelect(id: T): void }) {
  const prefix = useId();
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const current = items.find((item) => item.id === selected) ?? items[0];
  if (!current) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = NEXT[event.key];
    if (!move) return;
    event.preventDefault();
    const next = items[move(items.indexOf(current), items.length)];
    if (!next) return;
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
        {items.map((item) => {
          const isSelected = item.id === current.id;
          return (
            <button
              key={item.id}
              ref={(element) => {
                if (element) buttons.current.set(item.id, element);
                else buttons.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={`${prefix}-tab-${item.id}`}
              aria-label={item.label}
              aria-describedby={item.badge !== undefined ? `${prefix}-badge-${item.id}` : undefined}
              aria-selected={isSelected}
              aria-controls={`${prefix}-panel`}
              tabIndex={isSelected ? 0 : -1}
              className={`tab${item.alert ? ' alert' : ''}`}
              onClick={() => onSelect(item.id)}
            >
              {item.label}
              {item.badge !== undefined && (
                <span className="tab-badge" id={`${prefix}-badge-${item.id}`}>
                  {item.badge}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${prefix}-panel`} aria-labelledby={`${prefix}-tab-${current.id}`} tabIndex={0} className="tab-panel">
        {current.render()}
      </div>
    </>
  );
}

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { COLLAPSED_LIST_WIDTH, dragResult, KEY_STEP, listWidthBounds } from './list-width';
import { useLayout } from './store';

export const LIST_PANE_ID = 'call-list-pane';

/**
 * The bar between the call list and the call: drag it, or focus it and use the arrow keys
 * (Shift: further), Home / End for the narrowest / widest list, Enter to collapse or expand the
 * list. A separator in ARIA terms, whose value is the list's width in px (0 collapsed).
 */
export function Splitter({ width, windowWidth }: { width: number; windowWidth: number }) {
  const collapsed = useLayout((s) => s.listCollapsed);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const { min, max } = listWidthBounds(windowWidth);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection while dragging
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startX: event.clientX, startWidth: collapsed ? COLLAPSED_LIST_WIDTH : width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const result = dragResult(drag.current.startWidth, event.clientX - drag.current.startX, windowWidth);
    if (result.collapsed) useLayout.getState().setListCollapsed(true);
    else useLayout.getState().setListWidth(result.width);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const layout = useLayout.getState();
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const to = (next: number) => layout.setListWidth(Math.min(max, Math.max(min, next)));
    switch (event.key) {
      case 'ArrowLeft':
        if (!collapsed) to(width - step);
        break;
      case 'ArrowRight':
        // from collapsed, the first press brings the list back at its width
        if (collapsed) layout.setListCollapsed(false);
        else to(width + step);
        break;
      case 'Home':
        to(min);
        break;
      case 'End':
        to(max);
        break;
      case 'Enter':
        layout.toggleListCollapsed();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="splitter-gutter" data-collapsed={collapsed}>
      <div
        className="splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize call list"
        aria-controls={LIST_PANE_ID}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={collapsed ? 0 : width}
        aria-valuetext={collapsed ? 'collapsed' : `${width} px`}
        title="Drag to resize the call list; double-click for the default width (arrow keys; Enter collapses)"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={() => useLayout.getState().setListWidth(null)}
        onKeyDown={onKeyDown}
      />
      {!collapsed && (
        <button type="button" className="splitter-toggle" aria-label="Collapse call list" aria-controls={LIST_PANE_ID} aria-expanded="true" title="Collapse the call list (\)" onClick={() => useLayout.getState().setListCollapsed(true)}>
          <span aria-hidden="true">‹</span>
        </button>
      )}
    </div>
  );
}

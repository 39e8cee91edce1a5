import type { ReactNode } from 'react';
import { COLLAPSED_LIST_WIDTH, listWidthFor } from './list-width';
import { LIST_PANE_ID, Splitter } from './Splitter';
import { useLayout } from './store';
import { useWindowWidth } from './useWindowWidth';

/**
 * The call list and the open call side by side, with the splitter between them. Collapsed, the
 * list stays mounted but hidden behind a narrow strip: it keeps following the selection, so j / k
 * go on reading the list's pages as they move through it.
 */
/** `strip`: what the collapsed strip says besides its name (the open call's place in the list). */
export function Panes({ list, detail, strip }: { list: ReactNode; detail: ReactNode; strip?: ReactNode }) {
  const windowWidth = useWindowWidth();
  const stored = useLayout((s) => s.listWidth);
  const collapsed = useLayout((s) => s.listCollapsed);
  const width = listWidthFor(stored, windowWidth);
  return (
    <main className="panes" style={{ gridTemplateColumns: `${collapsed ? COLLAPSED_LIST_WIDTH : width}px auto minmax(0, 1fr)` }}>
      <div className="pane list-pane" id={LIST_PANE_ID} data-collapsed={collapsed}>
        {collapsed && (
          <button type="button" className="list-strip" aria-label="Expand call list" aria-controls={LIST_PANE_ID} aria-expanded="false" title="Expand the call list (\)" onClick={() => useLayout.getState().setListCollapsed(false)}>
            <span aria-hidden="true" className="list-strip-mark">›</span>
            <span className="list-strip-label">Calls</span>
            {strip}
          </button>
        )}
        <div className="list-pane-body" inert={collapsed}>
          {list}
        </div>
      </div>
      <Splitter width={width} windowWidth={windowWidth} />
      <div className="pane detail-pane">{detail}</div>
    </main>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { callColumns, FLEX_COLUMN, sortColumnOf, type CallSlot } from './columns';
import { indexOfCall, rowAt, useCallList } from './store';
import { useCallListData } from './pages';
import { useListColumns } from '../evaluators/list-columns';
import { rowWindow, scrollTopFor } from './row-window';
import { useScrollViewport } from './useScrollViewport';

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 34;
const OVERSCAN = 12;

/**
 * The list of calls: a real table named "Calls" whose sorting runs in SQL and whose rows are
 * windowed: only the rows in view and an overscan exist, as objects and in the DOM, however many
 * calls the store holds (a million calls cost what forty do).
 */
export function CallList() {
  const { total, pages } = useCallListData();
  const { sort, filter, setSort, selectedId, select, showRows } = useCallList();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { scrollTop, clientHeight } = useScrollViewport(scrollRef);
  const viewportHeight = Math.max(ROW_HEIGHT, clientHeight - HEADER_HEIGHT);
  const view = rowWindow({ scrollTop, viewportHeight, total: total ?? 0, rowHeight: ROW_HEIGHT, overscan: OVERSCAN });

  const slots = useMemo<CallSlot[]>(
    () => Array.from({ length: Math.max(0, view.last - view.first + 1) }, (_, i) => ({ index: view.first + i, call: rowAt(pages, view.first + i) })),
    [view.first, view.last, pages],
  );

  // the rows actually in view (no overscan): what the header's tick box ticks
  const onScreen = rowWindow({ scrollTop, viewportHeight, total: total ?? 0, rowHeight: ROW_HEIGHT, overscan: 0 });
  const onScreenIds = useMemo(
    () => slots.flatMap((slot) => (slot.call && slot.index >= onScreen.first && slot.index <= onScreen.last ? [slot.call.id] : [])),
    [slots, onScreen.first, onScreen.last],
  );

  const sorting: SortingState = useMemo(() => {
    const id = Object.entries(sortColumnOf).find(([, column]) => column === sort.column)?.[0];
    return id ? [{ id, desc: sort.direction === 'desc' }] : [];
  }, [sort]);

  const columns = useListColumns(callColumns);
  const table = useReactTable({
    data: slots,
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      const column = first ? sortColumnOf[first.id] : undefined;
      if (first && column) setSort({ column, direction: first.desc ? 'desc' : 'asc' });
    },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (slot) => String(slot.call?.id ?? `slot-${slot.index}`),
    meta: { onScreenIds },
  });
  const rows = table.getRowModel().rows;

  useEffect(() => {
    if (view.last >= view.first) showRows(view.first, view.last);
  }, [view.first, view.last, showRows]);

  // Keep the selected call on screen when j/k moves the selection.
  const selectedIndex = indexOfCall(pages, selectedId);
  const listTotal = total ?? 0;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || selectedIndex < 0) return;
    const current = { scrollTop: element.scrollTop, viewportHeight: Math.max(ROW_HEIGHT, element.clientHeight - HEADER_HEIGHT), total: listTotal, rowHeight: ROW_HEIGHT };
    const wanted = scrollTopFor(selectedIndex, current);
    if (Math.abs(wanted - element.scrollTop) >= 1) element.scrollTop = wanted;
  }, [selectedIndex, listTotal]);

  // A new sort or filter starts at the top, where its first page is.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sort, filter]);

  const { paddingTop, paddingBottom } = view;
  const columnCount = columns.length;

  return (
    <div className="call-list" ref={scrollRef}>
      {/* as wide as the pane, or as the columns' sizes add up to (then the pane scrolls sideways) */}
      <table aria-label="Calls" aria-rowcount={(total ?? 0) + 1} className="calls-table" style={{ minWidth: table.getTotalSize() }}>
        <colgroup>
          {table.getFlatHeaders().map((header) => (
            <col key={header.id} style={header.id === FLEX_COLUMN ? undefined : { width: header.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {canSort ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {rows.map((row) => {
            const { call, index } = row.original;
            const isSelected = call !== undefined && call.id === selectedId;
            return (
              <tr
                key={row.id}
                aria-rowindex={index + 2}
                aria-selected={isSelected}
                data-call-id={call?.id}
                data-external-id={call?.external_id}
                className={isSelected ? 'selected' : undefined}
                style={{ height: ROW_HEIGHT }}
                tabIndex={isSelected ? 0 : -1}
                onClick={() => call && select(call.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && call) select(call.id);
                }}
              >
                {call
                  ? row.getVisibleCells().map((cell) => <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)
                  : <td colSpan={columnCount} className="muted">Loading…</td>}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { callColumns, sortColumnOf, type CallSlot } from './columns';
import { rowAt, useCallList } from './store';
import { useListColumns } from '../evaluators/list-columns';

const ROW_HEIGHT = 34;

/**
 * The list of calls: a real table named "Calls" whose rows are virtualized (only the rows on
 * screen exist in the DOM) and whose sorting runs in SQL.
 */
export function CallList() {
  const { total, pages, sort, setSort, selectedId, select, ensureRange } = useCallList();
  const scrollRef = useRef<HTMLDivElement>(null);

  const slots = useMemo<CallSlot[]>(
    () => Array.from({ length: total ?? 0 }, (_, index) => ({ index, call: rowAt(pages, index) })),
    [total, pages],
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
  });
  const rows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (rows.length > 0) ensureRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, rows.length, ensureRange]);

  // Keep the selected call on screen when j/k moves the selection.
  const selectedIndex = slots.findIndex((slot) => slot.call?.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = columns.length;

  return (
    <div className="call-list" ref={scrollRef}>
      <table aria-label="Calls" aria-rowcount={(total ?? 0) + 1} className="calls-table">
        <colgroup>
          {table.getFlatHeaders().map((header) => (
            <col key={header.id} style={{ width: header.getSize() }} />
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
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const call = row.original.call;
            const isSelected = call !== undefined && call.id === selectedId;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
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

import { useMemo, useState } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import type { AgentFigures } from '../../../core/api/overview-contract';
import { useApiQuery } from '../query/api-query';
import type { PlotProps } from './plot-props';
import { formatFigure } from './format';
import { openCalls } from './open-calls';

const column = createColumnHelper<AgentFigures>();
/** one empty list while loading: a new [] each render would make the table recompute (and reset) forever */
const NO_AGENTS: AgentFigures[] = [];

/** Per agent: calls, latency p50 / p90, interruption, failure and pass rates; sortable; a row's agent opens its calls. */
export function AgentTable({ filter, period, periodLabel }: PlotProps) {
  const { data, isPending } = useApiQuery('getOverviewAgents', { filter, period });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'calls', desc: true }]);
  const columns = useMemo(
    () => [
      column.accessor('agent_id', {
        header: 'Agent',
        cell: (c) => {
          const agent = c.getValue();
          return agent === null ? (
            '(none)'
          ) : (
            <button type="button" className="link" onClick={() => openCalls(filter, period, { agent_id: agent }, `agent ${agent}`, periodLabel)}>
              {agent}
            </button>
          );
        },
      }),
      column.accessor('calls', { header: 'Calls', cell: (c) => formatFigure(c.getValue(), 'count') }),
      column.accessor('latency_p50_ms', { header: 'p50', cell: (c) => formatFigure(c.getValue(), 'ms'), sortUndefined: 'last' }),
      column.accessor('latency_p90_ms', { header: 'p90', cell: (c) => formatFigure(c.getValue(), 'ms') }),
      column.accessor('interruption_rate', { header: 'Interruption rate', cell: (c) => formatFigure(c.getValue(), 'rate') }),
      column.accessor('failure_rate', { header: 'Failure rate', cell: (c) => formatFigure(c.getValue(), 'rate') }),
      column.accessor('eval_pass_rate', { header: 'Pass rate', cell: (c) => formatFigure(c.getValue(), 'rate') }),
    ],
    [filter, period, periodLabel],
  );
  const table = useReactTable({ data: data ?? NO_AGENTS, columns, autoResetPageIndex: false, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  return (
    <figure className="overview-plot agent-table" aria-label="Agents" aria-busy={isPending}>
      <figcaption>
        <span className="plot-title">Agents</span>
      </figcaption>
      {data && data.length === 0 ? (
        <p className="muted plot-empty">Nothing to show in this period.</p>
      ) : (
        <div className="plot-table-wrap">
          <table className="plot-table" aria-label="Agents (table)">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                        <button type="button" className="sort-header" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

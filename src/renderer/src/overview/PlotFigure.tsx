import { useState, type ReactNode } from 'react';

export interface TableColumn<Row> {
  header: string;
  cell(row: Row): ReactNode;
}

/**
 * A plot in a `<figure>` named by its caption, with "Show as table": the same figures as a real
 * `<table>` (screen readers, copying, exact values). `children` draws the plot.
 */
export function PlotFigure<Row>({ title, busy, empty, columns, rows, children, actions }: {
  title: string;
  busy: boolean;
  empty: boolean;
  columns: TableColumn<Row>[];
  rows: Row[];
  children: ReactNode;
  actions?: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="overview-plot" aria-label={title} aria-busy={busy}>
      <figcaption>
        <span className="plot-title">{title}</span>
        <span className="plot-actions">
          {actions}
          <button type="button" className="button small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            Show as table
          </button>
        </span>
      </figcaption>
      {empty ? (
        <p className="muted plot-empty">{busy ? 'Loading…' : 'Nothing to show in this period.'}</p>
      ) : asTable ? (
        <div className="plot-table-wrap">
          <table className="plot-table" aria-label={`${title} (table)`}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        children
      )}
    </figure>
  );
}

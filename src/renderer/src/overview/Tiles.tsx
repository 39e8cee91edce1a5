import type { OverviewTiles } from '../../../core/api/overview-contract';
import { FIGURES, formatChange, formatFigure } from './format';

/** One tile per fleet figure: its value and its change against the previous period of the same length, coloured better / worse. */
export function Tiles({ tiles }: { tiles: OverviewTiles | undefined }) {
  return (
    <ul className="overview-tiles" aria-label="Figures" aria-busy={tiles === undefined}>
      {FIGURES.map((figure) => {
        const now = tiles?.current[figure.name] ?? null;
        const change = tiles?.previous ? formatChange(now, tiles.previous[figure.name], figure.kind) : null;
        const tone = !change || change.sign === 0 || figure.better === null ? 'same' : (change.sign > 0) === (figure.better === 'up') ? 'better' : 'worse';
        return (
          <li key={figure.name} className="overview-tile" aria-label={figure.label} data-figure={figure.name}>
            <span className="tile-label">{figure.label}</span>
            <strong className="tile-value" data-value={now ?? ''}>
              {tiles ? formatFigure(now, figure.kind) : '…'}
            </strong>
            {change && (
              <span className={`tile-change ${tone}`} title="Against the previous period of the same length">
                <span aria-hidden="true">{change.sign > 0 ? '▲' : change.sign < 0 ? '▼' : '•'}</span> {change.text}
                <span className="visually-hidden"> against the previous period{tone === 'same' ? '' : `, ${tone}`}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

import { usePage, type Page } from './store';

const TABS: readonly { page: Page; label: string; key: string }[] = [
  { page: 'overview', label: 'Overview', key: 'Ctrl+1' },
  { page: 'calls', label: 'Calls', key: 'Ctrl+2' },
  { page: 'compare', label: 'Compare', key: 'Ctrl+3' },
];

/** The top bar's page switch: Overview, Calls, Compare (the Evaluators page has its own button). */
export function PageTabs() {
  const page = usePage((s) => s.page);
  return (
    <nav className="page-tabs" aria-label="Pages">
      {TABS.map((tab) => (
        <button
          key={tab.page}
          type="button"
          className="page-tab"
          aria-current={page === tab.page ? 'page' : undefined}
          title={`${tab.label} (${tab.key})`}
          onClick={() => usePage.getState().open(tab.page)}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}

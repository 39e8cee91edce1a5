import { useApiQuery } from './query/api-query';
import { lazy, Suspense, useCallback, useState } from 'react';
import { CallList } from './calls/CallList';
import { SearchBox } from './calls/SearchBox';
import { FilterBar } from './filters/FilterBar';
import { SavedViews } from './views/SavedViews';
import { useCallList } from './calls/store';
import { useCallListTotal } from './calls/pages';
import { OutOfFilterNotice } from './calls/OutOfFilterNotice';
import { FilterOrigin } from './calls/FilterOrigin';
import { ListPosition } from './calls/ListPosition';
import { EmptyState } from './empty-state/EmptyState';
import { DropZone, ImportButton } from './import/DropZone';
import { ImportPanel } from './import/ImportPanel';
import { ThemeToggle } from './settings/ThemeToggle';
import { ErrorBoundary } from './shared/ErrorBoundary';
import { EvaluationBar } from './evaluators/EvaluationBar';
import { usePage } from './pages/store';
import { PageTabs } from './pages/PageTabs';
import { useAppKeys } from './shortcuts/useAppKeys';
import { Toaster } from './shared/Toaster';
import { StorageBanner } from './shared/StorageBanner';
import { Panes } from './layout/Panes';
import { ColumnChooser } from './layout/ColumnChooser';
import { BulkBar } from './bulk/BulkBar';
import { useBulkKeys } from './bulk/useBulkKeys';
import { QueueBar } from './queue/QueueBar';
import { QueueTools } from './queue/QueueTools';
import { ActivityButton } from './watch/ActivityButton';

// Loaded when first needed, so the first rows do not wait for the player, the evaluators page and
// the dialogs to be parsed (the list is what the screen opens on).
const CallView = lazy(() => import('./call-view/CallView').then((m) => ({ default: m.CallView })));
const OverviewPage = lazy(() => import('./overview/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const ComparePage = lazy(() => import('./compare/ComparePage').then((m) => ({ default: m.ComparePage })));
const EvaluatorsPage = lazy(() => import('./evaluators/EvaluatorsPage').then((m) => ({ default: m.EvaluatorsPage })));
const SettingsDialog = lazy(() => import('./settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog })));
const ShortcutsDialog = lazy(() => import('./review/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })));

/** "2,038 calls", or under a filter "276 of 2,038 calls" ("100+" while a bound is all that is known). */
function ListCount({ total, totalExact, filtering }: { total: number | null; totalExact: boolean; filtering: boolean }) {
  const all = useApiQuery('countCalls', { filter: {} }, { enabled: filtering, select: (answer) => answer.total });
  const shown = total === null ? '' : `${total.toLocaleString('en-US')}${totalExact ? '' : '+'}`;
  const text = total === null ? '' : filtering && all.data !== undefined ? `${shown} of ${all.data.toLocaleString('en-US')} calls` : `${shown} ${total === 1 && totalExact ? 'call' : 'calls'}`;
  return (
    <span className="muted count" aria-live="polite">
      {text}
    </span>
  );
}

export function App() {
  const { total, totalExact, ready, error } = useCallListTotal();
  const filter = useCallList((s) => s.filter);
  const selectedId = useCallList((s) => s.selectedId);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const page = usePage((s) => s.page);
  useAppKeys(openShortcuts);
  useBulkKeys();

  const filtering = Object.values(filter).some((value) => value !== undefined);
  const isEmpty = total === 0 && !filtering;

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Callscope</h1>
        <PageTabs />
        <SearchBox />
        <ListCount total={total} totalExact={totalExact} filtering={filtering} />
        <ImportButton />
        <button
          type="button"
          className="button"
          aria-pressed={page === 'evaluators'}
          title="Evaluators (Ctrl+E)"
          onClick={() => usePage.getState().open(page === 'evaluators' ? 'calls' : 'evaluators')}
        >
          Evaluators
        </button>
        <ActivityButton />
        <ThemeToggle />
        <button type="button" className="button" onClick={() => setShortcutsOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
        <button type="button" className="button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
      </header>
      <Suspense fallback={null}>
        {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
        {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      </Suspense>
      <StorageBanner />
      <QueueBar />
      <ImportPanel />
      <Toaster />
      <DropZone />
      {error && (
        <p role="alert" className="error banner">
          {error}
        </p>
      )}
      {page !== 'calls' ? (
        <ErrorBoundary key={page} label={page}>
          <Suspense fallback={<main className="single" aria-busy="true" />}>
            {page === 'evaluators' ? <EvaluatorsPage /> : page === 'overview' ? <OverviewPage /> : <ComparePage />}
          </Suspense>
        </ErrorBoundary>
      ) : !ready ? (
        <main className="single" aria-busy="true" />
      ) : isEmpty ? (
        <main className="single">
          <EmptyState />
        </main>
      ) : (
        <div className="workspace">
          <SavedViews />
          <Panes
            strip={<ListPosition />}
            list={
              <>
                <FilterOrigin />
                <FilterBar />
                <div className="list-toolbar">
                  <EvaluationBar />
                  <QueueTools />
                  <ColumnChooser />
                </div>
                <ErrorBoundary label="call list">
                  {total === 0 ? <p className="muted empty-filter">No calls match this search.</p> : <CallList />}
                </ErrorBoundary>
                <BulkBar />
              </>
            }
            detail={
              selectedId === null ? (
                <p className="muted hint">Select a call to see its transcript. Keys: j / k next / previous call, / search, {'\\'} collapse the list.</p>
              ) : (
                <ErrorBoundary key={selectedId} label="call view">
                  <OutOfFilterNotice callId={selectedId} />
                  <Suspense fallback={<p className="muted hint" aria-busy="true">Opening the call…</p>}>
                    <CallView callId={selectedId} />
                  </Suspense>
                </ErrorBoundary>
              )
            }
          />
        </div>
      )}
    </div>
  );
}

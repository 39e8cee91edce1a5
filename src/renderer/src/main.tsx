import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { useCallList } from './calls/store';
import { countQuery, listPageQuery } from './calls/pages';
import { queryClient } from './query/client';
import { connectApiEvents } from './query/events';
import { connectWatchNotifications } from './watch/notify';
// Every stylesheet is imported here, in cascade order, so all of them ship in the first CSS file:
// a stylesheet imported from a lazy chunk (CallView, EvaluatorsPage, the dialogs) would load late,
// after the first paint, and land after the others, changing which equal rule wins.
import './theme/tokens.css';
import './theme/base.css';
import './shared/shared.css';
import './app.css';
import './calls/calls.css';
import './bulk/bulk.css';
import './call-view/call-view.css';
import './empty-state/empty-state.css';
import './import/import.css';
import './settings/settings.css';
import './review/review.css';
import './export/export.css';
import './evaluators/evaluators.css';
import './layout/layout.css';
import './filters/filters.css';
import './views/views.css';
import './queue/queue.css';
import './watch/watch.css';

connectApiEvents(queryClient);
connectWatchNotifications();

// The first page is asked for before React renders anything: the list is what the screen opens on.
const { sort, filter } = useCallList.getState();
void queryClient.prefetchQuery(listPageQuery(0, sort, filter));
void queryClient.prefetchQuery(countQuery(filter));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useCallList } from './calls/store';
// Every stylesheet is imported here, in cascade order, so all of them ship in the first CSS file:
// a stylesheet imported from a lazy chunk (CallView, EvaluatorsPage, the dialogs) would load late,
// after the first paint, and land after the others, changing which equal rule wins.
import './theme/tokens.css';
import './theme/base.css';
import './shared/shared.css';
import './app.css';
import './calls/calls.css';
import './call-view/call-view.css';
import './empty-state/empty-state.css';
import './import/import.css';
import './settings/settings.css';
import './review/review.css';
import './export/export.css';
import './evaluators/evaluators.css';

// The first page is asked for before React renders anything: the list is what the screen opens on.
void useCallList.getState().refresh();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

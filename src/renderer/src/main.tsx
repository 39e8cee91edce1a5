import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useCallList } from './calls/store';
import './styles.css';

// The first page is asked for before React renders anything: the list is what the screen opens on.
void useCallList.getState().refresh();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

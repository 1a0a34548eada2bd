import './app.css';
import { mountViewer } from '../src/index';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

const params = new URLSearchParams(window.location.search);

mountViewer(root, {
  scenarioId: params.get('scenario'),
  e2e: params.get('e2e') === '1',
  // Mirror the design into the URL so a reload (or a shared link) opens the same one.
  onScenarioChange: (id) => {
    const url = new URL(window.location.href);
    url.searchParams.set('scenario', id);
    window.history.replaceState(null, '', url);
  },
});

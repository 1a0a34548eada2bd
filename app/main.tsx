import './app.css';
import { bootApp, registerOfflineSupport } from '../src/index';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

// URL state (`#view=`), embed mode (`?embed=1`), the postMessage bridge: see src/embed/boot-app.ts.
// The built app works offline and says when a new version is ready (src/embed/offline.ts).
bootApp(root, { updates: import.meta.env.PROD ? registerOfflineSupport() : undefined });

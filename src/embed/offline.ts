import { createUpdateWatcher, type UpdateWatcher } from './sw-update';

/**
 * Register the service worker (sw.js, its precache list written by the build) so the app works
 * with no network, and follow its updates: the returned watcher says when a new version waits
 * (pass it to `bootApp`/`mountViewer` as `updates` to show the "Reload" notice). Registration
 * waits for the page's `load`, so precaching never competes with the first view. Fails quietly
 * where service workers are unavailable (file://, private modes); the watcher then stays `none`.
 */
export function registerOfflineSupport(): UpdateWatcher {
  const watcher = createUpdateWatcher(() => window.location.reload());
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return watcher;
  const container = navigator.serviceWorker;
  const register = (): void => {
    container
      .register('./sw.js', { scope: './' })
      .then((registration) => {
        watcher.watch(registration, container);
        // A tab left open for days: look for a new version whenever it is shown again.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
        });
      })
      .catch((e: unknown) => {
        console.warn('hnsviz: offline support unavailable:', e);
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
  return watcher;
}

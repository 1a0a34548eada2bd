/**
 * Register the service worker (public/sw.js, its precache list written by the build) so the
 * app works with no network. Fails quietly where service workers are unavailable (file://,
 * private modes); the app itself needs no network either way.
 */
export function registerOfflineSupport(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e: unknown) => {
    console.warn('hnsviz: offline support unavailable:', e);
  });
}

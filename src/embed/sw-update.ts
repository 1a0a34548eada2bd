/**
 * The "new version — Reload" flow of the offline service worker (sw.js, written by
 * scripts/write-sw.mjs). A new build's worker installs and then WAITS while pages run the old
 * one, so a page never changes code under the reader. The page sees the waiting worker and says
 * so (`ready`); only when the reader presses Reload does it ask that worker to take over, and it
 * reloads once, when the new worker controls it.
 */
import type { AppUpdates, UpdateState } from '../ui/UpdateNotice';

/**
 * The message that lets a waiting worker take over.
 * IMPORTANT: scripts/write-sw.mjs listens for this exact string (e2e/sw-update.spec.ts).
 */
export const SKIP_WAITING_MESSAGE = { type: 'hnsviz/skip-waiting' } as const;

/** What is used of a `ServiceWorkerRegistration` (a fake in tests). */
export type UpdateRegistration = Pick<
  ServiceWorkerRegistration,
  'installing' | 'waiting' | 'active' | 'addEventListener'
>;
/** What is used of `navigator.serviceWorker`. */
export type UpdateContainer = Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>;

/** An `AppUpdates` fed by a service worker registration. */
export interface UpdateWatcher extends AppUpdates {
  /** Follow `registration` (once it exists) and the page's controller in `container`. */
  watch(registration: UpdateRegistration, container: UpdateContainer): void;
}

/** A watcher that reloads the page with `reload` (`location.reload()` in the app). */
export function createUpdateWatcher(reload: () => void): UpdateWatcher {
  let state: UpdateState = 'none';
  let registration: UpdateRegistration | null = null;
  let asked = false;
  let reloaded = false;
  const listeners = new Set<() => void>();
  const set = (next: UpdateState): void => {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l();
  };
  const reloadOnce = (): void => {
    if (reloaded) return;
    reloaded = true;
    reload();
  };
  // A worker waiting while an older one is active is a new version; the very first install
  // (nothing active yet) activates by itself and is not news.
  const checkWaiting = (): void => {
    if (registration?.waiting && registration.active && state === 'none') set('ready');
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    apply() {
      if (state === 'elsewhere') return reloadOnce();
      if (state !== 'ready') return;
      const waiting = registration?.waiting ?? null;
      // Already gone (another tab applied it a moment ago): the reload shows the new version.
      if (!waiting) return reloadOnce();
      asked = true;
      set('applying');
      waiting.postMessage(SKIP_WAITING_MESSAGE);
    },
    watch(reg, container) {
      registration = reg;
      let controlled = container.controller !== null;
      container.addEventListener('controllerchange', () => {
        const before = controlled;
        controlled = container.controller !== null;
        if (asked) reloadOnce();
        // Taken over without this page asking: another tab applied the update. (A first
        // install claiming an uncontrolled page is not an update.)
        else if (before) set('elsewhere');
      });
      reg.addEventListener('updatefound', () => {
        const installing = reg.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') checkWaiting();
        });
      });
      checkWaiting();
    },
  };
}

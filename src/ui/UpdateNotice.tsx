import { useCallback, useState, useSyncExternalStore } from 'react';

/**
 * Where a new version of the app stands, as this page sees it:
 * - `none`: nothing newer is known;
 * - `ready`: a new version is installed and waits while this page runs the old one;
 * - `applying`: the reader asked for it; the page reloads once the new version has taken over;
 * - `elsewhere`: the new version took over from another tab; this page still runs the old code.
 */
export type UpdateState = 'none' | 'ready' | 'applying' | 'elsewhere';

/** A source of app updates (the app's service worker, src/embed/sw-update.ts). */
export interface AppUpdates {
  subscribe(listener: () => void): () => void;
  getState(): UpdateState;
  /** Switch to the new version and reload this page (only ever on the reader's request). */
  apply(): void;
}

const TEXT: Record<Exclude<UpdateState, 'none'>, string> = {
  ready: 'A new version of hnsviz is ready.',
  applying: 'A new version of hnsviz is ready.',
  elsewhere: 'hnsviz was updated in another tab; this page still runs the old version.',
};

/** The non-modal "new version — Reload" notice; "Later" hides it for this page. */
export function UpdateNotice({ updates }: { updates: AppUpdates | undefined }) {
  const subscribe = useCallback(
    (listener: () => void) => updates?.subscribe(listener) ?? (() => undefined),
    [updates],
  );
  const state = useSyncExternalStore(subscribe, () => updates?.getState() ?? 'none');
  const [later, setLater] = useState<UpdateState | null>(null);
  if (state === 'none' || state === later || !updates) return null;
  return (
    <div className="hv-import-status hv-update-notice" role="status" data-testid="update-notice">
      <span>{TEXT[state]}</span>
      <button
        type="button"
        className="hv-primary"
        disabled={state === 'applying'}
        onClick={() => updates.apply()}
      >
        {state === 'applying' ? 'Reloading…' : 'Reload'}
      </button>
      {state !== 'applying' && (
        <button type="button" onClick={() => setLater(state)}>
          Later
        </button>
      )}
    </div>
  );
}

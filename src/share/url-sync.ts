/**
 * Keep the address bar's fragment in step with a viewer (history.replaceState, debounced),
 * and follow a link pasted into the same tab (hashchange). Views of imported dumps are not
 * written: they may be large and unscrubbed; the share dialog handles them explicitly.
 */
import type { AppState } from '../state/app-state';
import type { AppStore } from '../state/create-app-store';
import { decodeLink, describeLinkProblem, encodeLink, readFragment } from './codec';
import { applyViewState, viewStateOf, type CatalogLike } from './store-link';

export interface UrlSyncOptions {
  readonly catalog: CatalogLike;
  /** Milliseconds of quiet before the URL is written (default 300). */
  readonly delayMs?: number;
}

const watched = (s: AppState): readonly unknown[] => [
  s.scenarioId,
  s.topology,
  s.traceRequest,
  s.step,
  s.compare,
  s.viewCentre,
  s.theme,
  s.verbosity,
  s.selectedId,
];

/** Start syncing; returns the function that stops it. */
export function installUrlSync(store: AppStore, opts: UrlSyncOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = window.location.hash;
  let cancelStep = (): void => undefined;

  const write = (): void => {
    const state = viewStateOf(store.getState(), opts.catalog);
    const { embed } = readFragment(window.location.hash);
    let hash = embed ? '#embed=1' : '';
    if (state && state.source.kind === 'scenario') {
      const link = encodeLink(state, { embed });
      if (link.ok) hash = link.fragment;
    }
    if (hash === written) return;
    written = hash;
    const url = new URL(window.location.href);
    url.hash = hash;
    window.history.replaceState(window.history.state, '', url);
  };

  const off = store.subscribe((s, prev) => {
    const a = watched(s);
    const b = watched(prev);
    if (a.every((v, i) => v === b[i])) return;
    clearTimeout(timer);
    // What is shown changed (a design, or a dump replacing it): at once, so that a reload right
    // after an import doesn't find the previous design's link in the address bar and open that
    // instead of the dump. Panning, stepping and selecting are written after a quiet spell.
    if (s.scenarioId !== prev.scenarioId || s.topology !== prev.topology) write();
    else timer = setTimeout(write, opts.delayMs ?? 300);
  });

  const onHashChange = (): void => {
    const hash = window.location.hash;
    if (hash === written) return;
    written = hash;
    const r = decodeLink(hash, opts.catalog.ids);
    if (r.kind === 'error') store.getState().setLinkNotice(describeLinkProblem(r.problem));
    if (r.kind !== 'ok') return;
    cancelStep();
    store.getState().setLinkNotice(null);
    cancelStep = applyViewState(store, r.state, opts.catalog);
  };
  window.addEventListener('hashchange', onHashChange);

  return () => {
    clearTimeout(timer);
    cancelStep();
    off();
    window.removeEventListener('hashchange', onHashChange);
  };
}

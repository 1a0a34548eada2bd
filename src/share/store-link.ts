/**
 * A viewer's store ⇄ a view state: what a link, an SVG export or a state file captures, and
 * how a validated one is put back (including the trace step, which can only be applied once
 * the engine has answered).
 */
import { indexTopology } from '../layout/object-index';
import type { Topology } from '../model/types';
import type { AppState } from '../state/app-state';
import type { AppStore } from '../state/create-app-store';
import type { ViewSource, ViewState } from './view-state';
import { VIEW_FORMAT } from './view-state';
import { hasEntry } from '../shared/table';

/** The part of a scenario catalogue the link code needs. */
export interface CatalogLike {
  readonly ids: readonly string[];
  build(id: string): Topology;
}

/** The view state of `s`, or null when nothing is loaded. */
export function viewStateOf(s: AppState, catalog: CatalogLike): ViewState | null {
  let source: ViewSource;
  if (s.scenarioId !== null && catalog.ids.includes(s.scenarioId))
    source = { kind: 'scenario', id: s.scenarioId };
  else if (s.topology) source = { kind: 'dump', topology: s.topology, scrubbed: false };
  else return null;
  return {
    format: VIEW_FORMAT,
    source,
    trace: s.traceRequest,
    step: s.step,
    // A pair of imported snapshots is not a design a link can name: the link shows one view.
    compare:
      s.compare && catalog.ids.includes(s.compare.left) && catalog.ids.includes(s.compare.right)
        ? s.compare
        : null,
    view: s.viewCentre,
    theme: s.theme,
    verbosity: s.verbosity,
    selected: s.selectedId,
  };
}

/**
 * Put a validated view state into `store`. The step is applied when the trace (or the
 * comparison) it refers to arrives; returns a function that cancels that wait.
 */
export function applyViewState(store: AppStore, v: ViewState, catalog: CatalogLike): () => void {
  const api = store.getState();
  const topology = v.source.kind === 'scenario' ? catalog.build(v.source.id) : v.source.topology;
  api.loadTopology(v.source.kind === 'scenario' ? v.source.id : null, topology);
  // A reader's own theme preference outlives links and files; without one, the view decides.
  if (api.themePreference === null) api.setTheme(v.theme);
  api.setVerbosity(v.verbosity);
  api.setCompare(v.compare);
  api.setMode(v.compare ? 'compare' : 'explore');
  api.setTraceRequest(v.trace);
  api.select(
    v.selected !== null && hasEntry(indexTopology(topology), v.selected) ? v.selected : null,
  );
  api.setViewCentre(v.view);
  if (v.step < 0 || (!v.trace && !v.compare)) return () => undefined;
  const runId = store.getState().traceRunId;
  const tryStep = (s: AppState): boolean => {
    if (s.traceRunId !== runId) return true; // the user asked for something else: give up
    const answered = s.compare ? s.compareResult !== null : s.traceStatus === 'done';
    if (!answered) return s.traceStatus === 'error';
    store.getState().setStep(v.step);
    return true;
  };
  if (tryStep(store.getState())) return () => undefined;
  const off = store.subscribe((s) => {
    if (tryStep(s)) off();
  });
  return off;
}

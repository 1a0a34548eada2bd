/** Scrub a view state that carries a dump, consistently with everything that names it. */
import { scrubTopologyWith } from '../model/scrub-topology';
import type { ViewState } from './view-state';

/** A fresh random key for one share (never reuse: a known key makes the scrub reversible). */
export function randomScrubKey(): number[] {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)));
}

/** `state` with its dump (if any) scrubbed, and the selection and trace renamed to match. */
export function scrubViewState(state: ViewState, key: readonly number[]): ViewState {
  if (state.source.kind !== 'dump' || state.source.scrubbed) return state;
  const { topology, text } = scrubTopologyWith(state.source.topology, key);
  return {
    ...state,
    source: { kind: 'dump', topology, scrubbed: true },
    selected: state.selected === null ? null : text(state.selected),
    trace: state.trace
      ? { ...state.trace, from: text(state.trace.from), to: text(state.trace.to) }
      : null,
  };
}

/** Scrub a view state that carries a dump, consistently with everything that names it. */
import { scrubTopologyWith } from '../model/scrub-topology';
import type { ViewState } from './view-state';

/** A fresh random key for one share (never reuse: a known key makes the scrub reversible). */
export function randomScrubKey(): number[] {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)));
}

/** A scrubbed view, and how to scrub text that mentions what it shows (labels, transcripts). */
export interface ScrubbedView {
  readonly state: ViewState;
  readonly mention: (text: string) => string;
}

const same = (s: string): string => s;

/** `state` with its dump (if any) scrubbed, and the selection and trace renamed to match. */
export function scrubView(state: ViewState, key: readonly number[]): ScrubbedView {
  if (state.source.kind !== 'dump' || state.source.scrubbed) return { state, mention: same };
  const { topology, text, mention } = scrubTopologyWith(state.source.topology, key);
  return {
    state: {
      ...state,
      source: { kind: 'dump', topology, scrubbed: true },
      selected: state.selected === null ? null : text(state.selected),
      trace: state.trace
        ? { ...state.trace, from: text(state.trace.from), to: text(state.trace.to) }
        : null,
    },
    mention,
  };
}

/** `scrubView(state, key).state`. */
export function scrubViewState(state: ViewState, key: readonly number[]): ViewState {
  return scrubView(state, key).state;
}

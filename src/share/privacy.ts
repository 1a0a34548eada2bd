/**
 * The one privacy rule for everything that leaves the browser (links, embed snippets, state
 * files, SVG/PNG drawings, model JSON, Mermaid, trace transcripts): an imported dump goes out
 * scrubbed — a fresh random key per export — unless the user explicitly keeps the real
 * addresses and names at the point of export. Built-in scenarios hold nothing private and go
 * out as they are.
 */
import type { Topology } from '../model/types';
import { randomScrubKey, scrubView } from './scrub-view';
import type { ViewState } from './view-state';

/** What one export or link carries. */
export interface Outgoing {
  /** The view as it leaves: its dump scrubbed unless the user kept it real. */
  readonly state: ViewState;
  /** The model as it leaves (the scrubbed one for a scrubbed dump). */
  readonly topology: Topology | null;
  /** True when the view holds an imported dump (so the choice matters and is shown). */
  readonly private: boolean;
  /** True when a dump was scrubbed for this export. */
  readonly scrubbed: boolean;
  /** Scrubs text that mentions the view (drawing labels, trace transcripts) the same way. */
  readonly mention: (text: string) => string;
}

/** True when `state` carries an imported dump that has not been scrubbed. */
export function holdsPrivateData(state: ViewState | null): boolean {
  return state?.source.kind === 'dump' && !state.source.scrubbed;
}

/**
 * Prepare `state` (and the `topology` on screen, for scenario views) to leave the browser.
 * `keepReal` is the user's explicit choice; it defaults to scrubbing.
 */
export function outgoing(
  state: ViewState,
  topology: Topology | null,
  opts: { keepReal?: boolean; key?: readonly number[] } = {},
): Outgoing {
  const priv = holdsPrivateData(state);
  if (!priv || opts.keepReal === true)
    return {
      state,
      topology: state.source.kind === 'dump' ? state.source.topology : topology,
      private: priv,
      scrubbed: state.source.kind === 'dump' && state.source.scrubbed,
      mention: (s) => s,
    };
  const { state: scrubbed, mention } = scrubView(state, opts.key ?? randomScrubKey());
  return {
    state: scrubbed,
    topology: scrubbed.source.kind === 'dump' ? scrubbed.source.topology : topology,
    private: true,
    scrubbed: true,
    mention,
  };
}

/**
 * `hnsviz.view/1`: everything needed to reopen a view exactly. It travels compressed in the
 * URL fragment (codec.ts), inside exported SVGs (`<metadata>`), and as a `.json` file when a
 * link would be too long. Every copy from outside is untrusted and goes through
 * `parseViewState`.
 */
import type { TraceRequest } from '../engine/types';
import { checkInvariants } from '../model/invariants';
import { firstOverfullList, tooManyEntries } from '../model/limits';
import type { Topology } from '../model/types';
import { THEMES, type Theme } from '../view-model/theme';
import { VERBOSITIES, type Verbosity } from '../view-model/trace-events';
import {
  bool,
  int,
  lit,
  nullable,
  num,
  obj,
  optional,
  str,
  tagged,
  validate,
  type Schema,
} from './schema';
import { topologySchema } from './topology-schema';
import { PORT_MAX } from '../model/port-ranges';

export const VIEW_FORMAT = 'hnsviz.view/1';

/** What the view shows: a built-in scenario by id, or an imported dump's model. */
export type ViewSource =
  | { readonly kind: 'scenario'; readonly id: string }
  | {
      readonly kind: 'dump';
      readonly topology: Topology;
      /** True when IPs, MACs, GUIDs and names were replaced (`scrubTopology`). */
      readonly scrubbed: boolean;
    };

/** The pan/zoom as the layout point at the centre of the viewport and the scale. */
export interface ViewCentre {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** The whole state of a view. Only `format` and `source` are required in a link. */
export interface ViewState {
  readonly format: typeof VIEW_FORMAT;
  readonly source: ViewSource;
  /** The packet being traced, if any. */
  readonly trace: TraceRequest | null;
  /** Trace step; -1 = not started. */
  readonly step: number;
  readonly compare: { readonly left: string; readonly right: string } | null;
  readonly view: ViewCentre | null;
  readonly theme: Theme;
  readonly verbosity: Verbosity;
  readonly selected: string | null;
}

/** A scenario-id-like token: lower-case letters, digits and dashes. */
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const scenarioId = str(64, SCENARIO_ID);
/** Trace endpoints: names, IPs, `ip:port/proto`; no markup or control characters. */
const traceArg = str(256, /^[\w.:/@*\-[\]]+$/);

const traceSchema: Schema<TraceRequest> = obj({
  from: traceArg,
  to: traceArg,
  proto: optional(lit('tcp', 'udp', 'icmp')),
  srcPort: optional(int(0, PORT_MAX)),
  reply: optional(bool),
  seed: optional(int(0, 2 ** 31)),
});

const sourceSchema: Schema<ViewSource> = tagged('kind', {
  scenario: obj({ kind: lit('scenario'), id: scenarioId }),
  dump: obj({ kind: lit('dump'), topology: topologySchema, scrubbed: bool }),
});

const viewStateSchema: Schema<ViewState> = obj({
  format: lit(VIEW_FORMAT),
  source: sourceSchema,
  trace: optional(nullable(traceSchema), null),
  step: optional(int(-1, 100_000), -1),
  compare: optional(nullable(obj({ left: scenarioId, right: scenarioId })), null),
  view: optional(
    nullable(obj({ x: num(-1e7, 1e7), y: num(-1e7, 1e7), k: num(0.001, 1000) })),
    null,
  ),
  theme: optional(lit(...THEMES), 'light'),
  verbosity: optional(lit(...VERBOSITIES), 'layers'),
  // Any model id (ids are strings of up to MAX_MODEL_STRING characters, like the rest).
  selected: optional(nullable(str()), null),
});

/** The view a viewer opens on when nothing (or nothing valid) is given. */
export function defaultViewState(scenario: string): ViewState {
  return {
    format: VIEW_FORMAT,
    source: { kind: 'scenario', id: scenario },
    trace: null,
    step: -1,
    compare: null,
    view: null,
    theme: 'light',
    verbosity: 'layers',
    selected: null,
  };
}

/** Why a view state was refused; `code` is from the catalogue in README.md. */
export interface ViewStateProblem {
  readonly code: 'E_LINK_SCHEMA' | 'E_LINK_MODEL' | 'E_LINK_SCENARIO';
  readonly message: string;
}

export type ViewStateResult =
  | { readonly ok: true; readonly state: ViewState }
  | { readonly ok: false; readonly problem: ViewStateProblem };

/**
 * Validate untrusted data as a view state: the schema, then (for a dump) the model
 * invariants, then that scenario ids are ones `knownScenarios` has. Never throws.
 */
export function parseViewState(value: unknown, knownScenarios: readonly string[]): ViewStateResult {
  // Lists over the cap first, in the words the share side uses (whyNotShareable).
  const over = firstOverfullList(value);
  if (over)
    return {
      ok: false,
      problem: { code: 'E_LINK_SCHEMA', message: `${over.path}: ${tooManyEntries(over.count)}` },
    };
  const r = validate(viewStateSchema, value);
  if (!r.ok) return { ok: false, problem: { code: 'E_LINK_SCHEMA', message: r.error.message } };
  const state = r.value;
  if (state.source.kind === 'dump') {
    let problems: readonly { message: string }[];
    try {
      problems = checkInvariants(state.source.topology);
    } catch (e) {
      problems = [{ message: e instanceof Error ? e.message : 'unreadable model' }];
    }
    const first = problems[0];
    if (first)
      return {
        ok: false,
        problem: { code: 'E_LINK_MODEL', message: `the model: ${first.message}` },
      };
  }
  const ids = [
    ...(state.source.kind === 'scenario' ? [state.source.id] : []),
    ...(state.compare ? [state.compare.left, state.compare.right] : []),
  ];
  const unknown = ids.find((id) => !knownScenarios.includes(id));
  if (unknown !== undefined)
    return {
      ok: false,
      problem: { code: 'E_LINK_SCENARIO', message: `unknown scenario "${unknown}"` },
    };
  return { ok: true, state };
}

/** Drop fields equal to their defaults, so links stay short. */
export function compactViewState(s: ViewState): Partial<ViewState> {
  const out: Record<string, unknown> = { format: s.format, source: s.source };
  if (s.trace) out.trace = s.trace;
  if (s.step !== -1) out.step = s.step;
  if (s.compare) out.compare = s.compare;
  if (s.view) out.view = { x: round(s.view.x, 1), y: round(s.view.y, 1), k: round(s.view.k, 4) };
  if (s.theme !== 'light') out.theme = s.theme;
  if (s.verbosity !== 'layers') out.verbosity = s.verbosity;
  if (s.selected !== null) out.selected = s.selected;
  return out;
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

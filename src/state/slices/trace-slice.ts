import type { StateCreator } from 'zustand/vanilla';
import type { Trace, TraceRequest } from '../../engine/types';
import type { AppState } from '../app-state';
import { mapStep, traceEvents, type Verbosity } from '../../view-model/trace-events';

/** Two scenario ids shown side by side. */
export interface ComparePair {
  readonly left: string;
  readonly right: string;
}

/** Result of one side of the compare view. */
export interface CompareResult {
  readonly left: Trace | null;
  readonly right: Trace | null;
  readonly error: string | null;
}

export const SPEED_MIN = 0.25;
export const SPEED_MAX = 4;

/**
 * The packet trace being shown and its playback. The trace itself is computed by the engine
 * worker (see `state/trace-runner.ts`); this slice only holds the request, the result and the
 * playback cursor. Per-frame packet positions never come here (style.md §3.4).
 */
export interface TraceSlice {
  readonly traceRequest: TraceRequest | null;
  /** Result for the current scenario and `traceRequest`. */
  readonly trace: Trace | null;
  readonly traceStatus: 'idle' | 'running' | 'done' | 'error';
  readonly traceError: string | null;
  /** Index into the visible event list; -1 = not started. */
  readonly step: number;
  readonly playing: boolean;
  /** Playback speed, clamped to 0.25..4. */
  readonly speed: number;
  readonly verbosity: Verbosity;
  /** Scenario ids side by side; null = single view. */
  readonly compare: ComparePair | null;
  readonly compareResult: CompareResult | null;
  /** Bumped on every new request so late engine answers for an older one are dropped. */
  readonly traceRunId: number;
  /** Ask for a trace (null clears it). Resets playback; the trace runner does the engine call. */
  setTraceRequest(req: TraceRequest | null): void;
  /** Jump to an event (clamped to -1..last; pauses at the last one). */
  setStep(step: number): void;
  stepBy(delta: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setVerbosity(v: Verbosity): void;
  setCompare(c: ComparePair | null): void;
  /** The scenario changed: drop the result (keep the request) so the runner traces again. */
  invalidateTrace(): void;
  /** Called by the trace runner. */
  traceStarted(runId: number): void;
  traceSucceeded(runId: number, trace: Trace): void;
  traceFailed(runId: number, message: string): void;
  compareSucceeded(runId: number, result: CompareResult): void;
}

/** Number of rows in the visible event list (the longer side in compare mode). */
export function eventCount(
  s: Pick<TraceSlice, 'trace' | 'verbosity' | 'compare' | 'compareResult'>,
): number {
  if (s.compare) {
    const r = s.compareResult;
    return Math.max(
      traceEvents(r?.left ?? null, s.verbosity).length,
      traceEvents(r?.right ?? null, s.verbosity).length,
    );
  }
  return traceEvents(s.trace, s.verbosity).length;
}

const clampSpeed = (v: number): number =>
  Number.isFinite(v) ? Math.min(SPEED_MAX, Math.max(SPEED_MIN, v)) : 1;

export const createTraceSlice: StateCreator<
  AppState,
  [['zustand/immer', never]],
  [],
  TraceSlice
> = (set, get) => ({
  traceRequest: null,
  trace: null,
  traceStatus: 'idle',
  traceError: null,
  step: -1,
  playing: false,
  speed: 1,
  verbosity: 'layers',
  compare: null,
  compareResult: null,
  traceRunId: 0,
  setTraceRequest: (req) =>
    set((s) => {
      s.traceRequest = req;
      s.trace = null;
      s.traceStatus = 'idle';
      s.traceError = null;
      s.step = -1;
      s.playing = false;
      s.traceRunId += 1;
      s.compareResult = null;
    }),
  setStep: (step) =>
    set((s) => {
      const last = eventCount(s) - 1;
      const next = Number.isFinite(step) ? Math.trunc(step) : -1;
      s.step = Math.max(-1, Math.min(last, next));
      if (s.step >= last) s.playing = false;
    }),
  stepBy: (delta) => get().setStep(get().step + delta),
  setPlaying: (playing) =>
    set((s) => {
      const n = eventCount(s);
      if (playing && n === 0) return;
      if (playing && s.step >= n - 1) s.step = -1;
      s.playing = playing;
    }),
  setSpeed: (speed) =>
    set((s) => {
      s.speed = clampSpeed(speed);
    }),
  setVerbosity: (v) =>
    set((s) => {
      if (!s.compare) s.step = mapStep(s.trace, s.step, s.verbosity, v);
      s.verbosity = v;
      if (s.compare) s.step = Math.min(s.step, eventCount(s) - 1);
    }),
  setCompare: (c) =>
    set((s) => {
      s.compare = c ? { left: c.left, right: c.right } : null;
      s.compareResult = null;
      s.trace = null;
      s.traceStatus = 'idle';
      s.traceError = null;
      s.step = -1;
      s.playing = false;
      s.traceRunId += 1;
    }),
  invalidateTrace: () =>
    set((s) => {
      s.trace = null;
      s.traceStatus = 'idle';
      s.traceError = null;
      s.step = -1;
      s.playing = false;
      s.traceRunId += 1;
    }),
  traceStarted: (runId) =>
    set((s) => {
      if (runId !== s.traceRunId) return;
      s.traceStatus = 'running';
      s.traceError = null;
    }),
  traceSucceeded: (runId, trace) =>
    set((s) => {
      if (runId !== s.traceRunId) return;
      // IMPORTANT: traces are immutable engine output; freeze instead of letting Immer walk them.
      s.trace = Object.freeze(trace) as typeof s.trace;
      s.traceStatus = 'done';
      s.traceError = null;
      s.step = -1;
    }),
  traceFailed: (runId, message) =>
    set((s) => {
      if (runId !== s.traceRunId) return;
      s.trace = null;
      s.traceStatus = 'error';
      s.traceError = message;
      s.playing = false;
    }),
  compareSucceeded: (runId, result) =>
    set((s) => {
      if (runId !== s.traceRunId) return;
      s.step = -1;
      s.traceStatus = 'done';
      s.compareResult = Object.freeze(result) as typeof s.compareResult;
    }),
});

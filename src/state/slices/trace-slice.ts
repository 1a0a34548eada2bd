import { mapStep, traceEvents } from '../../view-model/trace-events';
import type { SliceCreator, TraceSlice } from '../app-state';

export const SPEED_MIN = 0.25;
export const SPEED_MAX = 4;

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

export const createTraceSlice: SliceCreator<TraceSlice> = (set, get) => ({
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

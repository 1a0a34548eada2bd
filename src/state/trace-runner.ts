/**
 * The side effect behind the trace slice: when a request (or the topology, or the compare pair)
 * changes, trace through the injected engine and write the result back. The slice stays pure;
 * tests pass a fake engine.
 */
import type { Trace, TraceRequest } from '../engine/types';
import type { Topology } from '../model/types';
import type { EngineClient } from '../worker/engine-client';
import type { AppStore } from './create-app-store';

/** Anything that can trace a request on a topology (the worker client, or a fake in tests). */
export interface TraceEngine {
  trace(topology: Topology, request: TraceRequest): Promise<Trace>;
}

/**
 * A TraceEngine over one worker client. Calls are serialised so "set topology, then trace" pairs
 * never interleave; the topology is only re-sent when it differs from the loaded one.
 */
export function createClientTraceEngine(client: EngineClient): TraceEngine {
  let loaded: Topology | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    trace(topology, request) {
      const run = queue.then(async () => {
        if (loaded !== topology) {
          loaded = null;
          await client.setTopology(topology);
          loaded = topology;
        }
        return client.trace(request);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Keep `store`'s trace in step with its request. `buildTopology` builds a scenario by id for the
 * compare view. Returns the unsubscribe function.
 */
export function connectTraceRunner(
  store: AppStore,
  engine: TraceEngine,
  buildTopology: (scenarioId: string) => Topology,
): () => void {
  let started = -1;
  const built = new Map<string, Topology>();
  const build = (id: string): Topology => {
    const t = built.get(id) ?? buildTopology(id);
    built.set(id, t);
    return t;
  };
  const sync = (): void => {
    const s = store.getState();
    const req = s.traceRequest;
    if (!req || started === s.traceRunId) return;
    const runId = s.traceRunId;
    if (s.compare) {
      if (s.compareResult !== null) return;
      started = runId;
      s.traceStarted(runId);
      const side = async (id: string): Promise<Trace> => engine.trace(build(id), req);
      const { left, right } = s.compare;
      void Promise.allSettled([side(left), side(right)]).then(([l, r]) => {
        const errors = [l, r].flatMap((x) => (x?.status === 'rejected' ? [message(x.reason)] : []));
        store.getState().compareSucceeded(runId, {
          left: l?.status === 'fulfilled' ? l.value : null,
          right: r?.status === 'fulfilled' ? r.value : null,
          error: errors.length > 0 ? errors.join('; ') : null,
        });
      });
      return;
    }
    if (!s.topology || s.traceStatus !== 'idle') return;
    started = runId;
    s.traceStarted(runId);
    engine.trace(s.topology, req).then(
      (t) => store.getState().traceSucceeded(runId, t),
      (e: unknown) => store.getState().traceFailed(runId, message(e)),
    );
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.topology !== prev.topology && prev.topology !== null && s.traceRequest) {
      s.invalidateTrace();
      return;
    }
    sync();
  });
  sync();
  return unsubscribe;
}

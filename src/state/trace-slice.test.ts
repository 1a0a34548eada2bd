import { describe, expect, it } from 'vitest';
import { traceFlow } from '../engine';
import type { Trace, TraceRequest } from '../engine/types';
import type { Topology } from '../model/types';
import { buildScenario, isScenarioId } from '../scenarios';
import { createAppStore } from './create-app-store';
import { connectTraceRunner, type TraceEngine } from './trace-runner';
import { mapStep, traceEvents } from '../view-model/trace-events';

const build = (id: string): Topology => {
  if (!isScenarioId(id)) throw new Error(id);
  return buildScenario(id);
};
const REQ: TraceRequest = { from: 'a1', to: '10.96.10.10:80', proto: 'tcp', reply: true, seed: 2 };

/** A fake engine: traces in-process, resolves when `flush()` is called. */
function fakeEngine() {
  const queue: (() => void)[] = [];
  const engine: TraceEngine = {
    trace: (t, r) =>
      new Promise<Trace>((resolve, reject) =>
        queue.push(() => {
          try {
            resolve(traceFlow(t, r));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }),
      ),
  };
  const flush = async (): Promise<void> => {
    while (queue.length) queue.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { engine, flush, pending: () => queue.length };
}

describe('trace slice', () => {
  it('runs a request through the injected engine and steps within bounds', async () => {
    const store = createAppStore({ scenarioId: 'new-l2bridge', topology: build('new-l2bridge') });
    const fake = fakeEngine();
    connectTraceRunner(store, fake.engine, build);
    store.getState().setTraceRequest(REQ);
    expect(store.getState().traceStatus).toBe('running');
    await fake.flush();
    const s = store.getState();
    expect(s.traceStatus).toBe('done');
    expect(s.trace?.verdict).toBe('delivered');
    const n = traceEvents(s.trace, s.verbosity).length;
    s.setStep(999);
    expect(store.getState().step).toBe(n - 1);
    store.getState().stepBy(-1);
    expect(store.getState().step).toBe(n - 2);
    store.getState().setStep(-5);
    expect(store.getState().step).toBe(-1);
  });

  it('drops a stale answer after the request changes', async () => {
    const store = createAppStore({ scenarioId: 'new-l2bridge', topology: build('new-l2bridge') });
    const fake = fakeEngine();
    connectTraceRunner(store, fake.engine, build);
    store.getState().setTraceRequest(REQ);
    store.getState().setTraceRequest({ ...REQ, to: 'b1:8080' });
    await fake.flush();
    expect(store.getState().trace?.request.to).toBe('b1:8080');
  });

  it('re-traces when the scenario changes and reports engine errors', async () => {
    const store = createAppStore({ scenarioId: 'new-l2bridge', topology: build('new-l2bridge') });
    const fake = fakeEngine();
    connectTraceRunner(store, fake.engine, build);
    store.getState().setTraceRequest(REQ);
    await fake.flush();
    store.getState().loadTopology('old-winnat', build('old-winnat'));
    await fake.flush();
    expect(store.getState().trace?.topology).toBe('old-winnat');
    store.getState().setTraceRequest({ from: 'nobody', to: 'a1' });
    await fake.flush();
    expect(store.getState().traceStatus).toBe('error');
    expect(store.getState().traceError).toMatch(/nobody/);
  });

  it('compare mode traces both designs and steps over the longer list', async () => {
    const store = createAppStore({ scenarioId: 'new-l2bridge', topology: build('new-l2bridge') });
    const fake = fakeEngine();
    connectTraceRunner(store, fake.engine, build);
    store.getState().setCompare({ left: 'old-winnat', right: 'new-l2bridge' });
    store.getState().setTraceRequest(REQ);
    await fake.flush();
    const r = store.getState().compareResult;
    expect(r?.left?.topology).toBe('old-winnat');
    expect(r?.right?.topology).toBe('new-l2bridge');
    const n = Math.max(
      traceEvents(r?.left ?? null, 'layers').length,
      traceEvents(r?.right ?? null, 'layers').length,
    );
    store.getState().setStep(1000);
    expect(store.getState().step).toBe(n - 1);
  });

  it('clamps speed, stops playing at the end and maps the step across verbosity', async () => {
    const store = createAppStore({ scenarioId: 'new-l2bridge', topology: build('new-l2bridge') });
    const fake = fakeEngine();
    connectTraceRunner(store, fake.engine, build);
    store.getState().setSpeed(10);
    expect(store.getState().speed).toBe(4);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(0.25);
    store.getState().setPlaying(true);
    expect(store.getState().playing).toBe(false); // nothing to play yet
    store.getState().setTraceRequest(REQ);
    await fake.flush();
    store.getState().setPlaying(true);
    expect(store.getState().playing).toBe(true);
    store.getState().setStep(1000);
    expect(store.getState().playing).toBe(false);
    // LB_DSR (hop 2) is event 2 at `layers` and event 0 (a1's port visit) at `hops`.
    store.getState().setStep(2);
    store.getState().setVerbosity('hops');
    expect(store.getState().step).toBe(0);
    expect(mapStep(store.getState().trace, 0, 'hops', 'layers')).toBe(5);
  });
});

/**
 * The client as a supervisor: cancel, crash, unreadable message and a worker that goes silent
 * (closed itself or hangs) each leave nothing pending, restart the worker with the loaded
 * topology, and say so. The watchdog's clock is driven by hand: no wall-clock time.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createEngineClient, EngineError, type EnginePort } from './engine-client';
import type { FromWorker, ToWorker } from './protocol';

/** A worker that answers init and model/set at once and sits on everything else. */
function stuckWorker() {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const got: ToWorker[] = [];
  let terminated = false;
  /** Closed itself (`self.close()`) or was killed without an event: it never answers again. */
  let gone = false;
  const emit = (type: string, e: unknown): void => listeners[type]?.forEach((f) => f(e));
  const port: EnginePort = {
    postMessage: (m: ToWorker) => {
      got.push(m);
      if (terminated || gone) return;
      const reply: FromWorker | null =
        m.type === 'init'
          ? { type: 'ready', version: m.version, requestId: m.requestId }
          : m.type === 'model/set'
            ? { type: 'model/loaded', requestId: m.requestId, topologyId: m.topology.id }
            : null;
      if (reply) queueMicrotask(() => emit('message', { data: reply }));
    },
    addEventListener: ((type: string, fn: (e: unknown) => void) => {
      (listeners[type] ??= []).push(fn);
    }) as EnginePort['addEventListener'],
    terminate: () => {
      terminated = true;
    },
  };
  return {
    port,
    got,
    emit,
    isTerminated: () => terminated,
    vanish: () => {
      gone = true;
    },
    answer: (m: FromWorker) => emit('message', { data: m }),
  };
}

function setup(silentBeats = 3) {
  const workers: ReturnType<typeof stuckWorker>[] = [];
  let beat = (): void => undefined;
  const faults: string[] = [];
  const inFlight: number[] = [];
  const client = createEngineClient(
    () => {
      const w = stuckWorker();
      workers.push(w);
      return w.port;
    },
    {
      silentBeats,
      clock: (b) => {
        beat = b;
        return () => undefined;
      },
      onFault: (m, f) => {
        faults.push(m);
        inFlight.push(f.inFlight);
      },
    },
  );
  return { client, workers, faults, inFlight, beat: () => beat() };
}

/** Let the fake workers' answers (queued microtasks) arrive. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof EngineError ? e.code : String(e)),
  );

describe('engine client supervisor', () => {
  it('cancel terminates the busy worker, rejects the request and restores the topology', async () => {
    const { client, workers, faults } = setup();
    const shown = buildScenario('old-winnat');
    await client.setTopology(shown);
    const load = codeOf(client.loadDump([{ name: 'big', text: '{}' }]));
    client.cancel();
    expect(await load).toBe('E_CANCELLED');
    expect(workers).toHaveLength(2);
    expect(workers[0]!.isTerminated()).toBe(true);
    const resent = workers[1]!.got.find((m) => m.type === 'model/set');
    expect(resent?.type === 'model/set' && resent.topology).toBe(shown);
    expect(faults).toEqual([]); // a cancel is not a fault
  });

  it('cancel with nothing in flight keeps the worker', () => {
    const { client, workers } = setup();
    client.cancel();
    expect(workers).toHaveLength(1);
  });

  it('a crash or an unreadable message fails what is in flight and says so', async () => {
    for (const event of ['error', 'messageerror']) {
      const { client, workers, faults } = setup();
      await client.setTopology(buildScenario('new-overlay'));
      const trace = codeOf(client.trace({ from: 'a1', to: 'a2:8080' }));
      workers[0]!.emit(event, new Error('boom'));
      expect(await trace).toBe('E_WORKER_FAILED');
      expect(workers).toHaveLength(2);
      expect(workers[1]!.got.some((m) => m.type === 'model/set')).toBe(true);
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatch(/restarted/);
    }
  });

  it('the watchdog restarts a worker that owes an answer and stays silent', async () => {
    const { client, workers, faults, beat } = setup(3);
    const load = codeOf(client.loadDump([{ name: 'x', text: 'x' }]));
    beat();
    beat();
    expect(workers).toHaveLength(1); // two silent beats: still waiting
    beat();
    expect(await load).toBe('E_WORKER_FAILED');
    expect(workers).toHaveLength(2);
    expect(faults[0]).toMatch(/did not answer for 3 watchdog beats/);
  });

  it('progress keeps a busy worker alive; an idle one is never restarted', async () => {
    const { client, workers, beat } = setup(2);
    for (let i = 0; i < 5; i++) {
      beat(); // idle: probed, and the live worker answers
      await settle();
    }
    expect(workers).toHaveLength(1);
    expect(workers[0]!.got.filter((m) => m.type === 'init').length).toBeGreaterThan(1);
    const load = client.loadDump([{ name: 'x', text: 'x' }]);
    const sent = workers[0]!.got.at(-1)!;
    for (let i = 0; i < 5; i++) {
      beat();
      workers[0]!.answer({
        type: 'dump/progress',
        requestId: sent.type === 'dump/load' ? sent.requestId : '',
        phase: 'parse',
        done: i,
        total: 10,
      });
    }
    expect(workers).toHaveLength(1);
    client.cancel();
    await expect(load).rejects.toThrow('cancelled');
  });

  it("a terminated worker's late answer is ignored", async () => {
    const { client, workers } = setup();
    const load = codeOf(client.loadDump([{ name: 'x', text: 'x' }]));
    const sent = workers[0]!.got.at(-1)!;
    client.cancel();
    expect(await load).toBe('E_CANCELLED');
    const late = client.loadDump([{ name: 'y', text: 'y' }]);
    // The old worker answers the old id after all: nothing happens to the new request.
    workers[0]!.answer({
      type: 'error',
      code: 'E_INTERNAL',
      message: 'late',
      requestId: sent.type === 'dump/load' ? sent.requestId : '',
    });
    client.cancel();
    expect(await codeOf(late)).toBe('E_CANCELLED');
  });

  it('a worker that crashes while idle is restarted with the topology, and the user is told', async () => {
    const { client, workers, faults, inFlight } = setup();
    const shown = buildScenario('new-l2bridge');
    await client.setTopology(shown);
    workers[0]!.emit('error', new Error('out of memory'));
    expect(workers).toHaveLength(2);
    expect(workers[0]!.isTerminated()).toBe(true);
    const resent = workers[1]!.got.find((m) => m.type === 'model/set');
    expect(resent?.type === 'model/set' && resent.topology).toBe(shown);
    expect(faults).toEqual(['the worker crashed; it was restarted with the current topology']);
    expect(inFlight).toEqual([0]); // no request reports it: the notice must come from onFault
    // The new worker serves the next request.
    await settle();
    await expect(client.setTopology(shown)).resolves.toBeUndefined();
  });

  it('a worker that closes itself while idle is found by the probe and restarted', async () => {
    const { client, workers, faults, inFlight, beat } = setup(3);
    const shown = buildScenario('old-winnat');
    await client.setTopology(shown);
    beat(); // idle and live: the probe is answered
    await settle();
    workers[0]!.vanish();
    for (let i = 0; i < 3; i++) {
      beat(); // the next probe goes unanswered
      await settle();
    }
    expect(workers).toHaveLength(1); // one probe beat and two silent ones: still waiting
    beat();
    expect(workers).toHaveLength(2);
    expect(faults[0]).toMatch(/did not answer for 3 watchdog beats; it was restarted/);
    expect(inFlight).toEqual([0]);
    const resent = workers[1]!.got.find((m) => m.type === 'model/set');
    expect(resent?.type === 'model/set' && resent.topology).toBe(shown);
  });

  it('an idle worker without a topology is restarted without one', () => {
    const { workers, faults } = setup();
    workers[0]!.emit('error', new Error('boom'));
    expect(workers).toHaveLength(2);
    expect(workers[1]!.got.map((m) => m.type)).toEqual(['init']);
    expect(faults).toHaveLength(1);
  });
});

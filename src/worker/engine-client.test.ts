import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { closeInProcessWorkers, inProcessWorker } from './__fixtures__/in-process-worker';
import { createHandler } from './engine.worker';
import { createEngineClient } from './engine-client';
import { PROTOCOL_VERSION, type FromWorker } from './protocol';

afterEach(closeInProcessWorkers);

describe('worker contract', () => {
  it('pairs requests and responses, returns traces', async () => {
    const c = createEngineClient(inProcessWorker);
    await c.setTopology(buildScenario('new-l2bridge'));
    const [a, b] = await Promise.all([
      c.trace({ from: 'a1', to: 'a2:8080' }),
      c.trace({ from: 'a1', to: 'b2:8080' }),
    ]);
    expect(a.verdict).toBe('delivered');
    expect(b.verdict).toBe('dropped');
    c.dispose();
  });
  it('uses the error envelope for bad arguments, missing topology and version mismatch', () => {
    const out: FromWorker[] = [];
    const h = createHandler((m) => out.push(m));
    h({ type: 'trace/run', requestId: 'x', request: { from: 'a1', to: 'a2' } });
    h({ type: 'init', version: PROTOCOL_VERSION + 1, requestId: 'v' });
    h({ type: 'model/set', requestId: 'm', topology: buildScenario('new-overlay') });
    h({ type: 'trace/run', requestId: 'y', request: { from: 'zz', to: 'a2' } });
    expect(out.map((m) => (m.type === 'error' ? m.code : m.type))).toEqual([
      'E_NO_TOPOLOGY',
      'E_PROTOCOL_VERSION',
      'model/loaded',
      'E_BAD_ARGUMENT',
    ]);
  });
  it('restarts a dead worker and re-sends the topology', async () => {
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const c = createEngineClient(() => {
      const w = inProcessWorker();
      workers.push(w);
      return w;
    });
    await c.setTopology(buildScenario('old-winnat'));
    workers[0]!.crash();
    expect(workers).toHaveLength(2);
    expect((await c.trace({ from: 'a1', to: 'a2:8080' })).verdict).toBe('delivered');
  });
});

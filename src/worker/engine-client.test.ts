import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index';
import { createHandler } from './engine.worker';
import { createEngineClient, type EnginePort } from './engine-client';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from './protocol';

const opened: MessagePort[] = [];
function fakeWorker(): EnginePort & { crash(): void } {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const handle = createHandler((m) => port2.postMessage(m));
  port2.on('message', (m: ToWorker) => handle(m));
  const errs: ((e: unknown) => void)[] = [];
  return {
    postMessage: (m) => port1.postMessage(m),
    addEventListener: ((type: string, fn: (e: unknown) => void) => {
      if (type === 'message') port1.on('message', (data: FromWorker) => fn({ data }));
      else errs.push(fn);
    }) as EnginePort['addEventListener'],
    terminate: () => port1.close(),
    crash: () => errs.forEach((f) => f(new Error('boom'))),
  };
}
afterEach(() => opened.splice(0).forEach((p) => p.close()));

describe('worker contract', () => {
  it('pairs requests and responses, returns traces', async () => {
    const c = createEngineClient(fakeWorker);
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
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const c = createEngineClient(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    });
    await c.setTopology(buildScenario('old-winnat'));
    workers[0]!.crash();
    expect(workers).toHaveLength(2);
    expect((await c.trace({ from: 'a1', to: 'a2:8080' })).verdict).toBe('delivered');
  });
});

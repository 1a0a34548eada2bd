/**
 * The real worker handler behind a node MessageChannel, for tests of the client and the
 * protocol: what `createEngineClient` talks to, without spawning a thread.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createHandler } from '../engine.worker';
import type { EnginePort } from '../engine-client';
import type { FromWorker, ToWorker } from '../protocol';

const opened: MessagePort[] = [];

/** A worker running the real handler; `seen` records every message that reached it. */
export function inProcessWorker(seen: ToWorker[] = []): EnginePort & { crash(): void } {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  const handle = createHandler((m) => port2.postMessage(m));
  port2.on('message', (m: ToWorker) => {
    seen.push(m);
    handle(m);
  });
  const errs: ((e: unknown) => void)[] = [];
  return {
    // Ports in a message (`model/send`, `diff/from`) cross as they would to a worker.
    postMessage: (m, transfer) =>
      port1.postMessage(m, transfer as Parameters<MessagePort['postMessage']>[1]),
    addEventListener: ((type: string, fn: (e: unknown) => void) => {
      if (type === 'message') port1.on('message', (data: FromWorker) => fn({ data }));
      else errs.push(fn);
    }) as EnginePort['addEventListener'],
    terminate: () => port1.close(),
    crash: () => errs.forEach((f) => f(new Error('boom'))),
  };
}

/** Close every channel opened so far (call in `afterEach`). */
export function closeInProcessWorkers(): void {
  opened.splice(0).forEach((p) => p.close());
}

/**
 * Compute what the viewer derives from a big topology (object index, layout, object tree,
 * packet-builder choices) in separate tasks before it is shown, so that no single main-thread
 * task runs long. Each step is cached per topology, so the render that follows reuses it.
 */
import { indexTopology } from '../layout/object-index';
import { layoutTopology } from '../layout/layout-topology';
import { buildObjectTree } from '../layout/object-tree';
import type { Topology } from '../model/types';
import { dumpTraceChoices } from './trace-choices';

/** Resolve in a new macrotask (lets input, paint and progress updates through). */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

export async function prewarm(t: Topology): Promise<void> {
  for (const step of [indexTopology, layoutTopology, buildObjectTree, dumpTraceChoices]) {
    await nextTask();
    step(t);
  }
  await nextTask();
}

/**
 * Compute what the viewer derives from a big topology (object index, layout, object tree,
 * packet-builder choices) before it is shown, in tasks short enough to keep the page
 * responsive: the index, the layout and the tree are built in steps (`indexTopologySteps`,
 * `layoutTopologySteps`, `objectTreeSteps`: a thousand objects or a few hundred ports each),
 * each step a task of its own. Each result is cached per topology, so the render that follows
 * reuses it.
 */
import { indexTopologySteps } from '../layout/object-index';
import { layoutTopologySteps } from '../layout/layout-topology';
import { objectTreeSteps } from '../layout/object-tree';
import type { Topology } from '../model/types';
import { nextTask } from '../worker/next-task';
import { dumpTraceChoices } from './trace-choices';

/** Run `steps` to the end, one step per task. */
async function stepwise(steps: Generator<void, unknown>): Promise<void> {
  for (;;) {
    await nextTask();
    if (steps.next().done) return;
  }
}

export async function prewarm(t: Topology): Promise<void> {
  await stepwise(indexTopologySteps(t));
  await stepwise(layoutTopologySteps(t));
  await stepwise(objectTreeSteps(t));
  await nextTask();
  dumpTraceChoices(t);
  await nextTask();
}

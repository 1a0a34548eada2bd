/**
 * A topology's objects grouped by the node they are on, in table order, made once per topology.
 * The layout reads each node's pods, endpoints, ports, networks and load balancers; filtering
 * the whole tables for every node made a cluster's layout quadratic (20 nodes: each table
 * walked 20 times per kind of object, 0.7 s in one task of the page).
 */
import type { Endpoint, LoadBalancer, Network, Pod, Port, Topology } from '../model/types';
import { valuesOf } from '../shared/table';

/** What one node holds. */
export interface NodeObjects {
  readonly pods: readonly Pod[];
  readonly endpoints: readonly Endpoint[];
  readonly ports: readonly Port[];
  readonly networks: readonly Network[];
  readonly loadBalancers: readonly LoadBalancer[];
}

interface Lists {
  pods: Pod[];
  endpoints: Endpoint[];
  ports: Port[];
  networks: Network[];
  loadBalancers: LoadBalancer[];
}

const NONE: NodeObjects = { pods: [], endpoints: [], ports: [], networks: [], loadBalancers: [] };
const cache = new WeakMap<Topology, ReadonlyMap<string, Lists>>();

/** Objects grouped between two pauses of `objectsByNodeSteps`. */
const GROUP_STEP = 4000;

/** The objects on node `nodeId` of `t` (each list in its table's order). */
export function objectsOn(t: Topology, nodeId: string): NodeObjects {
  let byNode = cache.get(t);
  if (!byNode) {
    const steps = objectsByNodeSteps(t);
    let r = steps.next();
    while (!r.done) r = steps.next();
    byNode = r.value;
  }
  return byNode.get(nodeId) ?? NONE;
}

/**
 * The grouping `objectsOn` reads, made in steps: pauses (yields) after every `GROUP_STEP`
 * objects (20,000 endpoints and 5,000 ports were one step of the layout). Cached per topology.
 */
export function* objectsByNodeSteps(t: Topology): Generator<void, ReadonlyMap<string, Lists>> {
  const hit = cache.get(t);
  if (hit) return hit;
  const byNode = new Map<string, Lists>();
  const of = (nodeId: string): Lists => {
    let l = byNode.get(nodeId);
    if (!l) {
      l = { pods: [], endpoints: [], ports: [], networks: [], loadBalancers: [] };
      byNode.set(nodeId, l);
    }
    return l;
  };
  let grouped = 0;
  const due = (): boolean => ++grouped % GROUP_STEP === 0;
  for (const p of valuesOf(t.pods)) {
    of(p.nodeId).pods.push(p);
    if (due()) yield;
  }
  for (const e of valuesOf(t.endpoints)) {
    of(e.nodeId).endpoints.push(e);
    if (due()) yield;
  }
  for (const p of valuesOf(t.ports)) {
    of(p.nodeId).ports.push(p);
    if (due()) yield;
  }
  for (const n of valuesOf(t.networks)) {
    of(n.nodeId).networks.push(n);
    if (due()) yield;
  }
  for (const lb of valuesOf(t.loadBalancers)) {
    of(lb.nodeId).loadBalancers.push(lb);
    if (due()) yield;
  }
  cache.set(t, byNode);
  return byNode;
}

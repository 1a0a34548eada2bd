/**
 * A topology's objects grouped by the node they are on, in table order, made once per topology.
 * The layout reads each node's pods, endpoints, ports, networks and load balancers; filtering
 * the whole tables for every node made a cluster's layout quadratic (20 nodes: each table
 * walked 20 times per kind of object, 0.7 s in one task of the page).
 */
import type { Endpoint, LoadBalancer, Network, Pod, Port, Topology } from '../model/types';

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
const cache = new WeakMap<Topology, Map<string, Lists>>();

/** The objects on node `nodeId` of `t` (each list in its table's order). */
export function objectsOn(t: Topology, nodeId: string): NodeObjects {
  let byNode = cache.get(t);
  if (!byNode) {
    byNode = group(t);
    cache.set(t, byNode);
  }
  return byNode.get(nodeId) ?? NONE;
}

function group(t: Topology): Map<string, Lists> {
  const byNode = new Map<string, Lists>();
  const of = (nodeId: string): Lists => {
    let l = byNode.get(nodeId);
    if (!l) {
      l = { pods: [], endpoints: [], ports: [], networks: [], loadBalancers: [] };
      byNode.set(nodeId, l);
    }
    return l;
  };
  for (const p of Object.values(t.pods)) of(p.nodeId).pods.push(p);
  for (const e of Object.values(t.endpoints)) of(e.nodeId).endpoints.push(e);
  for (const p of Object.values(t.ports)) of(p.nodeId).ports.push(p);
  for (const n of Object.values(t.networks)) of(n.nodeId).networks.push(n);
  for (const lb of Object.values(t.loadBalancers)) of(lb.nodeId).loadBalancers.push(lb);
  return byNode;
}

/** The pod columns of a node drawing (shared by the node layout and its remote-endpoint chips). */
import type { Endpoint, Node, Topology } from '../model/types';
import { objectsOn } from './by-node';

/** What lives in one pod column. Keyed by pod name (or endpoint name for pod-less ports). */
export interface Slot {
  readonly key: string;
  readonly podId: string | null;
  readonly endpointIds: readonly string[];
}

/** Pod columns of a node: its pods by name, then pod-less container endpoints (dumps). */
export function nodeSlots(topology: Topology, node: Node): Slot[] {
  const on = objectsOn(topology, node.id);
  const pods = [...on.pods].sort((a, b) => a.name.localeCompare(b.name));
  const slots: Slot[] = pods.map((p) => ({ key: p.name, podId: p.id, endpointIds: p.endpointIds }));
  const loose = on.endpoints
    .filter((e) => e.podId === null && e.portId !== null && isContainer(topology, e))
    .filter((e) => e.role !== 'host' && e.role !== 'source-vip')
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const e of loose) slots.push({ key: e.name, podId: null, endpointIds: [e.id] });
  return slots;
}

function isContainer(topology: Topology, e: Endpoint): boolean {
  return e.portId !== null && topology.ports[e.portId]?.kind === 'container';
}

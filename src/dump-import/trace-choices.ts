/**
 * What the packet builder offers on a dumped node: its local endpoints as sources (by IP, the
 * name in the label), then its hosts (by node IP), and, as destinations, the load balancers'
 * VIPs and the other endpoints.
 */
import type { Topology } from '../model/types';
import { valuesOf } from '../shared/table';

export interface TraceChoice {
  readonly value: string;
  readonly label: string;
}

const MAX = 200;

export interface TraceChoices {
  readonly sources: readonly TraceChoice[];
  readonly dests: readonly TraceChoice[];
}

const cache = new WeakMap<Topology, TraceChoices>();

/** Cached per topology (topologies are immutable). */
export function dumpTraceChoices(t: Topology): TraceChoices {
  const hit = cache.get(t);
  if (hit) return hit;
  const made = choicesOf(t);
  cache.set(t, made);
  return made;
}

/**
 * The first `MAX` of each list, made without looking further: a 20,000-endpoint dump or a
 * cluster of 100,000 load balancers made every choice, then kept 200 (one long task). The
 * tables are read entry by entry (`valuesOf`): `Object.values` made all 20,000 first.
 */
function choicesOf(t: Topology): TraceChoices {
  const sources: TraceChoice[] = [];
  for (const e of valuesOf(t.endpoints)) {
    if (sources.length >= MAX) break;
    if (e.ipAddress && e.portId !== null && !e.isRemote && e.role !== 'host')
      sources.push({ value: e.ipAddress, label: e.name || e.id });
  }
  // Then each node's host (a dump of a node with no local pod still has one to send from).
  for (const n of valuesOf(t.nodes)) {
    if (sources.length >= MAX) break;
    sources.push({ value: n.managementIp ?? n.id, label: `host of ${n.name}` });
  }
  const dests: TraceChoice[] = [];
  const seen = new Set<string>();
  const offer = (value: string, label: () => string): boolean => {
    if (!seen.has(value)) {
      seen.add(value);
      dests.push({ value, label: label() });
    }
    return dests.length < MAX;
  };
  fill: {
    for (const lb of valuesOf(t.loadBalancers))
      for (const v of lb.frontendVips) {
        const value = `${v}:${lb.externalPort}`;
        if (!offer(value, () => `load balancer ${value}`)) break fill;
      }
    for (const e of valuesOf(t.endpoints))
      if (e.ipAddress && !offer(e.ipAddress, () => `${e.isRemote ? 'remote ' : ''}${e.name}`))
        break fill;
  }
  return { sources, dests };
}

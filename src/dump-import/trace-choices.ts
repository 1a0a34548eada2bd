/**
 * What the packet builder offers on a dumped node: its local endpoints as sources (by IP, the
 * name in the label) and, as destinations, the load balancers' VIPs and the other endpoints.
 */
import type { Topology } from '../model/types';

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

function choicesOf(t: Topology): TraceChoices {
  const eps = Object.values(t.endpoints).filter((e) => e.ipAddress);
  const sources = eps
    .filter((e) => e.portId !== null && !e.isRemote && e.role !== 'host')
    .map((e) => ({ value: e.ipAddress!, label: e.name || e.id }))
    .slice(0, MAX);
  const vips = Object.values(t.loadBalancers).flatMap((lb) =>
    lb.frontendVips.map((v) => ({
      value: `${v}:${lb.externalPort}`,
      label: `load balancer ${v}:${lb.externalPort}`,
    })),
  );
  const seen = new Set<string>();
  const dests = [
    ...vips,
    ...eps.map((e) => ({ value: e.ipAddress!, label: `${e.isRemote ? 'remote ' : ''}${e.name}` })),
  ].filter((d) => !seen.has(d.value) && seen.add(d.value));
  return { sources, dests: dests.slice(0, MAX) };
}

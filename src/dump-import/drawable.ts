/**
 * Is there anything to draw? A prompt line gives the objects after it a kind, so `{}` after
 * `Get-HnsNetwork` (or an unrelated object after `Get-HnsEndpoint`) becomes a network or an
 * endpoint with no fact in it: no ID, name, type, address or policy. Such stubs must not
 * replace a view; this tells them from objects a person could read something in.
 */
import type { Endpoint, LoadBalancer, Network, Provenance, Topology } from '../model/types';

/** The ID the parser makes up for an object without one: `network-paste:2#1`. */
const MADE_UP_ID = /^(network|endpoint|loadbalancer|namespace)-.*:\d+#\d+$/;

interface Sourced {
  readonly id: string;
  readonly provenance: Provenance;
}

const read = (o: Sourced): boolean => !o.provenance.derived && !MADE_UP_ID.test(o.id);

const networkHasFact = (n: Network): boolean =>
  read(n) ||
  (!n.provenance.derived &&
    (n.name !== n.id ||
      n.type !== 'unknown' ||
      n.subnets.length > 0 ||
      n.managementIp !== null ||
      n.networkAdapterName !== null ||
      n.drMac !== null ||
      n.policies.length > 0));

const endpointHasFact = (e: Endpoint): boolean =>
  read(e) ||
  (!e.provenance.derived &&
    ((e.name !== '' && e.name !== e.id) ||
      e.ipAddress !== null ||
      e.macAddress !== null ||
      e.isRemote ||
      e.policies.length > 0));

const lbHasFact = (l: LoadBalancer): boolean =>
  read(l) ||
  (!l.provenance.derived &&
    (l.frontendVips.length > 0 ||
      l.backendEndpointIds.length > 0 ||
      l.internalPort > 0 ||
      l.externalPort > 0));

/** Objects that carry at least one fact read from the input (made-up stubs do not count). */
export function drawableCount(t: Topology): number {
  let n = 0;
  for (const x of Object.values(t.networks)) if (networkHasFact(x)) n++;
  for (const x of Object.values(t.endpoints)) if (endpointHasFact(x)) n++;
  for (const x of Object.values(t.loadBalancers)) if (lbHasFact(x)) n++;
  // VFP output names its layers, groups and rules: any of them read is drawn.
  const vfp: readonly Readonly<Record<string, Sourced>>[] = [t.layers, t.groups, t.rules];
  for (const table of vfp) for (const x of Object.values(table)) if (!x.provenance.derived) n++;
  return n;
}

/**
 * `drawableCount(t) > 0`, stopping at the first such object: a real dump's first network
 * answers, so a 20,000-endpoint model costs nothing here.
 */
export function hasDrawable(t: Topology): boolean {
  for (const x of Object.values(t.networks)) if (networkHasFact(x)) return true;
  for (const x of Object.values(t.endpoints)) if (endpointHasFact(x)) return true;
  for (const x of Object.values(t.loadBalancers)) if (lbHasFact(x)) return true;
  const vfp: readonly Readonly<Record<string, Sourced>>[] = [t.layers, t.groups, t.rules];
  for (const table of vfp) for (const id in table) if (!table[id]!.provenance.derived) return true;
  return false;
}

/** Where the first object read was (`paste:2`), to point the user at a stub; null when none. */
export function firstStubAt(t: Topology): string | null {
  const tables: readonly Readonly<Record<string, Sourced>>[] = [
    t.networks,
    t.endpoints,
    t.loadBalancers,
  ];
  for (const table of tables)
    for (const o of Object.values(table)) if (!o.provenance.derived) return o.provenance.id;
  return null;
}

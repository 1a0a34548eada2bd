/**
 * Stitching: each remote endpoint on one node linked to the node that owns its address and to
 * the local endpoint it stands for there, with the evidence that linked it. Linear in the
 * number of endpoints: one index pass, then per remote endpoint hash lookups (PA, pod subnets
 * and RemoteSubnetRoutes indexed by prefix), never a scan over the nodes.
 */
import type { Endpoint, Topology } from '../model/types';
import { maskOf, parseCidr, parseIpv4, type Cidr } from '../shared/ip';
import { podSubnets } from './assemble';

export type StitchEvidence =
  /** The remote endpoint's PA policy names the owner's node IP / provider address. */
  | 'pa'
  /** Its network's RemoteSubnetRoute for a prefix holding its IP names the owner's PA. */
  | 'remote-subnet-route'
  /** Its IP lies in the owner's pod subnet (L2Bridge remote endpoints carry no PA). */
  | 'pod-subnet'
  /** A local endpoint with its IP exists on exactly that node (no other evidence). */
  | 'ip';

export type StitchStatus =
  /** Owner node and its local endpoint found. */
  | 'linked'
  /** The owner node was imported but has no local endpoint with this IP. */
  | 'stale'
  /** The evidence names a provider address no imported node owns. */
  | 'unowned-pa'
  /** Nothing links it to an imported node (its node's dump is missing, or nothing says). */
  | 'unknown';

export interface Stitch {
  readonly remoteId: string;
  /** The node the remote endpoint lives on. */
  readonly nodeId: string;
  readonly ip: string | null;
  readonly status: StitchStatus;
  readonly ownerNodeId: string | null;
  readonly localEndpointId: string | null;
  readonly evidence: StitchEvidence | null;
  /** For people: `PA 10.0.0.5 is WIN-B's node IP`. */
  readonly detail: string;
  /** The provider address the evidence named, when there was one. */
  readonly providerAddress: string | null;
}

interface NodeIndex {
  readonly id: string;
  readonly name: string;
  readonly pas: Set<number>;
  readonly subnets: readonly { readonly prefix: string; readonly cidr: Cidr }[];
}

/** Stitch every remote endpoint of `t`. */
export function stitch(t: Topology): Stitch[] {
  const nodes: NodeIndex[] = [];
  const byPa = new Map<number, NodeIndex>();
  const localByIp = new Map<string, Map<number, Endpoint>>(); // node → ip → endpoint
  const localNodesByIp = new Map<number, string[]>();
  for (const id of t.nodeIds) {
    const node = t.nodes[id];
    if (!node) continue;
    const subnets = podSubnets(t, id).flatMap((prefix) => {
      const cidr = parseCidr(prefix);
      return cidr ? [{ prefix, cidr }] : [];
    });
    const ix: NodeIndex = { id, name: node.name, pas: new Set(), subnets };
    const ip = node.managementIp ? parseIpv4(node.managementIp) : null;
    if (ip !== null) ix.pas.add(ip);
    nodes.push(ix);
    localByIp.set(id, new Map());
  }
  const ixById = new Map(nodes.map((n) => [n.id, n]));
  const remotes: Endpoint[] = [];
  for (const e of Object.values(t.endpoints)) {
    if (e.isRemote) {
      remotes.push(e);
      continue;
    }
    const ix = ixById.get(e.nodeId);
    if (!ix) continue;
    for (const p of e.policies)
      if (p.type === 'PA') {
        const pa = parseIpv4(p.providerAddress);
        if (pa !== null) ix.pas.add(pa);
      }
    const ip = e.ipAddress ? parseIpv4(e.ipAddress) : null;
    if (ip === null || e.role === 'source-vip') continue;
    const m = localByIp.get(e.nodeId)!;
    if (!m.has(ip)) m.set(ip, e);
    const on = localNodesByIp.get(ip);
    if (!on) localNodesByIp.set(ip, [e.nodeId]);
    else if (!on.includes(e.nodeId)) on.push(e.nodeId);
  }
  for (const ix of nodes) for (const pa of ix.pas) if (!byPa.has(pa)) byPa.set(pa, ix);
  // Pod subnets by prefix: a lookup per remote endpoint costs the number of distinct prefix
  // lengths, not the number of nodes (a scan of every node made stitching quadratic).
  const subnetIndex = new PrefixIndex<{ node: NodeIndex; prefix: string }>();
  nodes.forEach((node) => {
    for (const sub of node.subnets) subnetIndex.add(sub.cidr, { node, prefix: sub.prefix });
  });
  const routeCache = new Map<string, PrefixIndex<{ prefix: string; pa: string }>>();

  const out: Stitch[] = [];
  for (const e of remotes) {
    const ip = e.ipAddress ? parseIpv4(e.ipAddress) : null;
    let owner: NodeIndex | null = null;
    let evidence: StitchEvidence | null = null;
    let detail = '';
    let pa: string | null = null;
    const paPolicy = e.policies.find((p) => p.type === 'PA');
    if (paPolicy?.type === 'PA' && paPolicy.providerAddress) {
      pa = paPolicy.providerAddress;
      evidence = 'pa';
      const n = parseIpv4(pa);
      owner = n !== null ? (byPa.get(n) ?? null) : null;
      detail = owner
        ? `its PA ${pa} is ${owner.name}'s provider address`
        : `its PA ${pa} is no imported node's address`;
    }
    if (evidence === null && ip !== null) {
      const route = remoteSubnetRoute(t, e, ip, routeCache);
      if (route) {
        pa = route.pa;
        evidence = 'remote-subnet-route';
        const n = parseIpv4(route.pa);
        owner = n !== null ? (byPa.get(n) ?? null) : null;
        detail = owner
          ? `RemoteSubnetRoute ${route.prefix} on its network names PA ${route.pa}, ${owner.name}'s address`
          : `RemoteSubnetRoute ${route.prefix} names PA ${route.pa}, no imported node's address`;
      }
    }
    if (evidence === null && ip !== null) {
      const hit = subnetIndex.find(ip, (x) => x.node.id === e.nodeId);
      if (hit) {
        owner = hit.node;
        evidence = 'pod-subnet';
        detail = `${e.ipAddress} lies in ${hit.node.name}'s pod subnet ${hit.prefix}`;
      }
    }
    if (evidence === null && ip !== null) {
      const on = (localNodesByIp.get(ip) ?? []).filter((id) => id !== e.nodeId);
      if (on.length === 1) {
        owner = ixById.get(on[0]!) ?? null;
        evidence = 'ip';
        detail = `${e.ipAddress} is a local endpoint on ${owner?.name ?? on[0]} only`;
      }
    }
    const local = owner && ip !== null ? (localByIp.get(owner.id)?.get(ip) ?? null) : null;
    const status: StitchStatus = local
      ? 'linked'
      : owner
        ? 'stale'
        : pa !== null
          ? 'unowned-pa'
          : 'unknown';
    if (status === 'stale')
      detail += `; ${owner!.name} has no local endpoint with ${e.ipAddress ?? 'its IP'}`;
    if (status === 'unknown') detail = 'no PA, RemoteSubnetRoute or imported pod subnet holds it';
    out.push({
      remoteId: e.id,
      nodeId: e.nodeId,
      ip: e.ipAddress,
      status,
      ownerNodeId: owner?.id ?? null,
      localEndpointId: local?.id ?? null,
      evidence,
      detail,
      providerAddress: pa,
    });
  }
  return out;
}

function remoteSubnetRoute(
  t: Topology,
  e: Endpoint,
  ip: number,
  cache: Map<string, PrefixIndex<{ prefix: string; pa: string }>>,
): { prefix: string; pa: string } | null {
  // One index per network (an overlay network holds a route per other node).
  let ix = cache.get(e.networkId);
  if (!ix) {
    ix = new PrefixIndex();
    for (const p of t.networks[e.networkId]?.policies ?? []) {
      if (p.type !== 'RemoteSubnetRoute') continue;
      const c = parseCidr(p.destinationPrefix);
      if (c) ix.add(c, { prefix: p.destinationPrefix, pa: p.providerAddress });
    }
    cache.set(e.networkId, ix);
  }
  return ix.find(ip);
}

/**
 * Values by IPv4 prefix. `find` returns the value added first among those whose prefix holds
 * the address (what a scan in insertion order would return), passing over those `skip` refuses.
 */
class PrefixIndex<V> {
  private readonly byBits = new Map<number, Map<number, { order: number; value: V }[]>>();
  private count = 0;

  add(c: Cidr, value: V): void {
    let m = this.byBits.get(c.bits);
    if (!m) {
      m = new Map<number, { order: number; value: V }[]>();
      this.byBits.set(c.bits, m);
    }
    const list = m.get(c.base) ?? [];
    list.push({ order: this.count++, value });
    m.set(c.base, list);
  }

  find(ip: number, skip?: (v: V) => boolean): V | null {
    let best: { order: number; value: V } | null = null;
    for (const [bits, m] of this.byBits) {
      const list = m.get((ip & maskOf(bits)) >>> 0);
      for (const x of list ?? []) {
        if (skip?.(x.value)) continue;
        if (!best || x.order < best.order) best = x;
        break;
      }
    }
    return best?.value ?? null;
  }
}

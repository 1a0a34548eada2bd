/**
 * Stitching: each remote endpoint on one node linked to the node that owns its address and to
 * the local endpoint it stands for there, with the evidence that linked it. Linear in the
 * number of endpoints (one index pass, one lookup per remote endpoint; pod subnets are few).
 */
import type { Endpoint, Topology } from '../model/types';
import { cidrContains, parseCidr, parseIpv4, type Cidr } from '../shared/ip';
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
      const route = remoteSubnetRoute(t, e, ip);
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
      for (const ix of nodes) {
        if (ix.id === e.nodeId) continue;
        const s = ix.subnets.find((x) => cidrContains(x.cidr, ip));
        if (!s) continue;
        owner = ix;
        evidence = 'pod-subnet';
        detail = `${e.ipAddress} lies in ${ix.name}'s pod subnet ${s.prefix}`;
        break;
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
): { prefix: string; pa: string } | null {
  const net = t.networks[e.networkId];
  for (const p of net?.policies ?? []) {
    if (p.type !== 'RemoteSubnetRoute') continue;
    const c = parseCidr(p.destinationPrefix);
    if (c && cidrContains(c, ip)) return { prefix: p.destinationPrefix, pa: p.providerAddress };
  }
  return null;
}

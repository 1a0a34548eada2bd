/**
 * Checks across the nodes of a dumped cluster (several nodes, design null): stale remote
 * endpoints, provider addresses no node owns, service backends that differ between nodes,
 * overlay routes that disagree with the node they point at, pod IPs / MACs on two nodes, mixed
 * network types, a node dumped without VFP while others were. Silent for one node.
 */
import { podSubnets, stitch } from '../cluster/index';
import type { Endpoint, LoadBalancer, Network, Topology } from '../model/types';
import { inPrefix } from '../shared/ip';
import type { Check, Finding } from './types';

const isCluster = (t: Topology): boolean => t.design === null && t.nodeIds.length > 1;
const nodeName = (t: Topology, id: string): string => t.nodes[id]?.name ?? id;
const label = (e: Endpoint): string => (e.name !== '' ? `${e.name} (${e.id})` : e.id);
const POD_TYPES = new Set(['l2bridge', 'overlay', 'transparent', 'l2tunnel']);

/**
 * Per endpoint id: the load balancers on its node that use it as a backend, in one pass (a scan
 * of every load balancer per remote endpoint grew with the square of the nodes: 20 nodes of
 * 5,000 load balancers took minutes).
 */
function lbsByBackend(t: Topology): (e: Endpoint) => readonly LoadBalancer[] {
  const by = new Map<string, LoadBalancer[]>();
  for (const lb of Object.values(t.loadBalancers))
    for (const id of new Set(lb.backendEndpointIds)) {
      if (t.endpoints[id]?.nodeId !== lb.nodeId) continue;
      const l = by.get(id);
      if (l) l.push(lb);
      else by.set(id, [lb]);
    }
  return (e) => by.get(e.id) ?? [];
}

export const staleRemoteEndpoints: Check = (t) => {
  if (!isCluster(t)) return [];
  const out: Finding[] = [];
  const lbsUsing = lbsByBackend(t);
  for (const s of stitch(t)) {
    const e = t.endpoints[s.remoteId];
    if (!e) continue;
    const lbs = lbsUsing(e);
    const used =
      lbs.length > 0
        ? ` It is a backend of ${lbs.length} load balancer(s) (${[...new Set(lbs.flatMap((l) => l.frontendVips))].join(', ') || 'NodePort'}): connections that pick it are dropped on ${s.ownerNodeId ? nodeName(t, s.ownerNodeId) : 'the wire'}.`
        : '';
    if (s.status === 'stale') {
      out.push({
        code: 'remote-endpoint-stale',
        severity: 'error',
        title: `Stale remote endpoint ${e.ipAddress ?? e.id}`,
        problem: `Remote endpoint ${label(e)} on ${nodeName(t, e.nodeId)} stands for ${e.ipAddress ?? '?'}, but no imported node has a local endpoint with that IP.${used}`,
        evidence: `${s.detail} (linked by ${s.evidence ?? 'nothing'}).`,
        fix: `Restart kube-proxy on ${nodeName(t, e.nodeId)} so it resyncs its remote endpoints and load balancers (or Remove-HnsEndpoint ${e.id}); check that the pod still exists (kubectl get pods -o wide).`,
        objectIds: [e.id, ...lbs.map((l) => l.id)],
      });
    } else if (s.status === 'unowned-pa') {
      out.push({
        code: 'pa-unowned',
        severity: 'warning',
        title: `Provider address ${s.providerAddress ?? ''} owned by no node`,
        problem: `Remote endpoint ${label(e)} on ${nodeName(t, e.nodeId)} sends ${e.ipAddress ?? 'its traffic'} to provider address ${s.providerAddress ?? '?'}, which is none of the imported nodes' addresses.${used}`,
        evidence: `${s.detail}; imported nodes: ${t.nodeIds.map((id) => `${nodeName(t, id)} ${t.nodes[id]?.managementIp ?? '?'}`).join(', ')}.`,
        fix: `Import the dump of the node at ${s.providerAddress ?? 'that address'}; if no such node exists any more, restart kube-proxy on ${nodeName(t, e.nodeId)} so it drops the stale endpoint.`,
        objectIds: [e.id, ...lbs.map((l) => l.id)],
      });
    }
  }
  return out;
};

export const serviceBackendsDiffer: Check = (t) => {
  if (!isCluster(t)) return [];
  const out: Finding[] = [];
  // VIP|proto|port → node → backend IPs
  const byService = new Map<string, Map<string, { ips: Set<string>; lbs: string[] }>>();
  for (const lb of Object.values(t.loadBalancers)) {
    if (lb.protocol === 0 || lb.externalPort === 0) continue;
    const vips = lb.frontendVips.length > 0 ? lb.frontendVips : ['NodePort'];
    for (const vip of vips) {
      const key = `${vip}|${lb.protocol}|${lb.externalPort}`;
      let nodes = byService.get(key);
      if (!nodes) {
        nodes = new Map<string, { ips: Set<string>; lbs: string[] }>();
        byService.set(key, nodes);
      }
      let slot = nodes.get(lb.nodeId);
      if (!slot) nodes.set(lb.nodeId, (slot = { ips: new Set(), lbs: [] }));
      slot.lbs.push(lb.id);
      for (const id of lb.backendEndpointIds) slot.ips.add(t.endpoints[id]?.ipAddress ?? id);
    }
  }
  for (const [key, nodes] of byService) {
    if (nodes.size < 2) continue;
    const sets = [...nodes].map(([id, s]) => ({ id, ips: [...s.ips].sort(), lbs: s.lbs }));
    const first = sets[0]!.ips.join(',');
    if (sets.every((s) => s.ips.join(',') === first)) continue;
    const [vip, proto, port] = key.split('|');
    out.push({
      code: 'service-backends-differ',
      severity: 'warning',
      title: `Backends of ${vip ?? ''}:${port ?? ''} differ between nodes`,
      problem: `The load balancers for ${vip ?? ''} port ${port ?? ''} (protocol ${proto ?? ''}) send to different backends depending on the node the client is on.`,
      evidence: sets.map((s) => `${nodeName(t, s.id)}: ${s.ips.join(', ') || 'none'}`).join('; '),
      fix: 'The nodes whose list is out of date have a kube-proxy that missed an EndpointSlice update: restart kube-proxy there and check its log for HNS errors.',
      objectIds: sets.flatMap((s) => s.lbs),
    });
  }
  return out;
};

/**
 * The node whose pod subnets hold a prefix (the owner a RemoteSubnetRoute points at), with each
 * node's subnets read once (a route per node pair: thousands on a big cluster).
 */
function prefixOwners(t: Topology): (prefix: string, except: string) => string | null {
  const subnets = t.nodeIds.map((id) => [id, podSubnets(t, id)] as const);
  return (prefix, except) => {
    const base = prefix.split('/')[0] ?? '';
    for (const [id, ps] of subnets)
      if (id !== except && ps.some((p) => inPrefix(base, p))) return id;
    return null;
  };
}

/** Per node: its management IP and its local endpoints' provider addresses, read once. */
function nodePas(t: Topology): (nodeId: string) => ReadonlySet<string> {
  const by = new Map<string, Set<string>>();
  for (const id of t.nodeIds) {
    const ip = t.nodes[id]?.managementIp;
    by.set(id, new Set(ip ? [ip] : []));
  }
  for (const e of Object.values(t.endpoints)) {
    if (e.isRemote) continue;
    let pas = by.get(e.nodeId);
    if (!pas) by.set(e.nodeId, (pas = new Set()));
    for (const p of e.policies) if (p.type === 'PA') pas.add(p.providerAddress);
  }
  return (id) => by.get(id) ?? new Set();
}

export const overlayRoutesDisagree: Check = (t) => {
  if (!isCluster(t)) return [];
  const out: Finding[] = [];
  const ownerOfPrefix = prefixOwners(t);
  const pasOf = nodePas(t);
  for (const n of Object.values(t.networks)) {
    if (n.type !== 'overlay') continue;
    for (const pol of n.policies) {
      if (pol.type !== 'RemoteSubnetRoute') continue;
      const owner = ownerOfPrefix(pol.destinationPrefix, n.nodeId);
      if (owner === null) continue;
      const peer = Object.values(t.networks).find(
        (x) =>
          x.nodeId === owner &&
          x.type === 'overlay' &&
          x.subnets.some((s) =>
            inPrefix(pol.destinationPrefix.split('/')[0] ?? '', s.addressPrefix),
          ),
      );
      const wrong: string[] = [];
      const pas = pasOf(owner);
      if (pas.size > 0 && !pas.has(pol.providerAddress))
        wrong.push(
          `PA ${pol.providerAddress}, but ${nodeName(t, owner)} is ${[...pas].join(' / ')}`,
        );
      const vsid = peer?.subnets.find((s) => s.vsid !== null)?.vsid ?? null;
      if (vsid !== null && vsid !== pol.isolationId)
        wrong.push(`VNI ${pol.isolationId}, but ${nodeName(t, owner)}'s subnet has VSID ${vsid}`);
      if (pol.drMac && peer?.drMac && pol.drMac !== peer.drMac)
        wrong.push(`DR MAC ${pol.drMac}, but ${nodeName(t, owner)}'s network has ${peer.drMac}`);
      if (wrong.length === 0) continue;
      out.push({
        code: 'overlay-route-mismatch',
        severity: 'error',
        title: `RemoteSubnetRoute ${pol.destinationPrefix} disagrees with ${nodeName(t, owner)}`,
        problem: `Network ${n.name} on ${nodeName(t, n.nodeId)} encapsulates traffic for ${pol.destinationPrefix} with values ${nodeName(t, owner)} does not have: packets arrive with the wrong outer address, VNI or inner MAC and are dropped.`,
        evidence: `RemoteSubnetRoute ${pol.destinationPrefix}: ${wrong.join('; ')}.`,
        fix: `Restart flanneld/the CNI on ${nodeName(t, n.nodeId)} so it rewrites the route from the current node lease, after checking ${nodeName(t, owner)}'s network (Get-HnsNetwork).`,
        objectIds: [n.id, ...(peer ? [peer.id] : [])],
      });
    }
  }
  return out;
};

export const duplicatesAcrossNodes: Check = (t) => {
  if (!isCluster(t)) return [];
  const out: Finding[] = [];
  for (const field of ['ipAddress', 'macAddress'] as const) {
    const by = new Map<string, Endpoint[]>();
    for (const e of Object.values(t.endpoints)) {
      const v = e[field];
      if (e.isRemote || e.role !== 'pod' || v === null) continue;
      const list = by.get(v) ?? [];
      list.push(e);
      by.set(v, list);
    }
    for (const [v, list] of by) {
      const nodes = new Set(list.map((e) => e.nodeId));
      if (nodes.size < 2) continue;
      const what = field === 'ipAddress' ? 'IP' : 'MAC';
      out.push({
        code: field === 'ipAddress' ? 'duplicate-pod-ip' : 'duplicate-pod-mac',
        severity: 'error',
        title: `Pod ${what} ${v} on ${nodes.size} nodes`,
        problem: `Local pod endpoints on ${[...nodes].map((id) => nodeName(t, id)).join(' and ')} share the ${what} ${v}: the cluster delivers traffic for it to one of them only.`,
        evidence: list.map((e) => `${nodeName(t, e.nodeId)}: ${label(e)}`).join('; '),
        fix:
          field === 'ipAddress'
            ? 'Two nodes allocate from overlapping pod subnets (check each node podCIDR and the CNI config), or one endpoint is left over from a deleted pod: remove it.'
            : 'MACs are derived from the pod IP on most CNIs: fix the overlapping pod subnets, or remove the left-over endpoint.',
        objectIds: list.map((e) => e.id).sort(),
      });
    }
  }
  return out;
};

export const mixedNetworkTypes: Check = (t) => {
  if (!isCluster(t)) return [];
  const byType = new Map<string, Network[]>();
  for (const n of Object.values(t.networks)) {
    if (!POD_TYPES.has(n.type)) continue;
    const list = byType.get(n.type) ?? [];
    list.push(n);
    byType.set(n.type, list);
  }
  if (byType.size < 2) return [];
  return [
    {
      code: 'mixed-network-types',
      severity: 'warning',
      title: 'Nodes use different pod network types',
      problem: `The pod networks are not of one type (${[...byType.keys()].join(', ')}): pods on an L2Bridge node and pods on an Overlay node cannot reach each other without a gateway.`,
      evidence: [...byType]
        .map(
          ([type, list]) =>
            `${type}: ${list.map((n) => `${n.name} on ${nodeName(t, n.nodeId)}`).join(', ')}`,
        )
        .join('; '),
      fix: 'Configure one CNI backend for every Windows node (flannel host-gw → L2Bridge, vxlan → Overlay) and recreate the odd ones out.',
      objectIds: [...byType.values()].flat().map((n) => n.id),
    },
  ];
};

export const nodeWithoutVfp: Check = (t, ctx) => {
  if (!isCluster(t)) return [];
  const withVfp = ctx.nodesWithVfp ?? [];
  if (withVfp.length === 0) return [];
  const without = t.nodeIds.filter((id) => !withVfp.includes(id));
  return without.map((id) => ({
    code: 'node-without-vfp',
    severity: 'info' as const,
    title: `No VFP output for ${nodeName(t, id)}`,
    problem: `${nodeName(t, id)}'s dump has no vfpctrl rules while ${withVfp.map((x) => nodeName(t, x)).join(', ')} has: its rules are derived from HNS policies (inferred), not read.`,
    evidence: `vfpctrl layer/rule output found for ${withVfp.map((x) => nodeName(t, x)).join(', ')} only.`,
    fix: `Collect again on ${nodeName(t, id)} as administrator so vfpctrl runs (collect-hnsviz.ps1), then import the files together.`,
    objectIds: (t.nodes[id]?.vswitchIds ?? []).slice(),
  }));
};

/** Checks on load balancers, the node's management IP, overlay source VIPs. */

import { parseIpv4 } from '../shared/ip';
import type { Check, Finding } from './types';
import { hasEntry } from '../shared/table';

export const VAGRANT_NAT_IP = '10.0.2.15';

export const lbBackends: Check = (t) => {
  const out: Finding[] = [];
  const haveEndpoints = Object.keys(t.endpoints).length > 0;
  for (const lb of Object.values(t.loadBalancers)) {
    const vip = lb.frontendVips.join(', ') || 'NodePort';
    if (lb.backendEndpointIds.length === 0) {
      out.push({
        code: 'lb-no-backends',
        severity: 'warning',
        title: 'Load balancer without backends',
        problem: `Load balancer ${lb.id} (${vip}) has no backend endpoints: connections to it fail.`,
        evidence: 'References / HostComputeEndpoints / Direct IP IDs is empty.',
        fix: 'Check that the service has ready pods (kubectl get endpointslices); kube-proxy recreates the load balancer when they appear.',
        objectIds: [lb.id],
      });
      continue;
    }
    if (!haveEndpoints) continue;
    const unknown = lb.backendEndpointIds.filter((id) => !hasEntry(t.endpoints, id));
    if (unknown.length === 0) continue;
    out.push({
      code: 'lb-unknown-backend',
      severity: 'warning',
      title: 'Load balancer points at unknown endpoints',
      problem: `Load balancer ${lb.id} (${vip}) references ${unknown.length} endpoint(s) that HNS does not list.`,
      evidence: `Unknown backend ids: ${unknown.join(', ')}.`,
      fix: 'Restart kube-proxy so it rebuilds its load balancers, or include the full Get-HnsEndpoint output if endpoints were left out.',
      objectIds: [lb.id, ...unknown],
    });
  }
  return out;
};

export const duplicateVips: Check = (t) => {
  const out: Finding[] = [];
  const seen = new Map<string, string[]>();
  for (const lb of Object.values(t.loadBalancers)) {
    if (lb.protocol === 0 || lb.externalPort === 0) continue; // hnsdiag tables show no ports
    for (const vip of lb.frontendVips) {
      // Per node: kube-proxy programs every service on every node.
      const key = `${vip}|${lb.protocol}|${lb.externalPort}|${lb.nodeId}`;
      seen.set(key, [...(seen.get(key) ?? []), lb.id]);
    }
  }
  for (const [key, ids] of seen) {
    if (ids.length < 2) continue;
    const [vip, proto, port] = key.split('|');
    out.push({
      code: 'duplicate-vip',
      severity: 'warning',
      title: `VIP ${vip ?? ''}:${port ?? ''} programmed ${ids.length} times`,
      problem: `${ids.length} load balancers claim ${vip ?? ''} port ${port ?? ''} (protocol ${proto ?? ''}); only one of them takes effect.`,
      evidence: `Load balancers ${ids.sort().join(', ')}.`,
      fix: 'Delete the stale policy lists (Remove-HnsPolicyList) or restart kube-proxy so it reconciles them.',
      objectIds: ids,
    });
  }
  return out;
};

function same16(a: string, b: string): boolean {
  const x = parseIpv4(a);
  const y = parseIpv4(b);
  return x !== null && y !== null && x >>> 16 === y >>> 16;
}

export const managementIp: Check = (t) => {
  const out: Finding[] = [];
  const peers: string[] = [];
  for (const n of Object.values(t.networks))
    for (const p of n.policies) if (p.type === 'RemoteSubnetRoute') peers.push(p.providerAddress);
  for (const e of Object.values(t.endpoints))
    for (const p of e.policies) if (p.type === 'PA') peers.push(p.providerAddress);
  const vips = new Set(Object.values(t.loadBalancers).flatMap((lb) => lb.frontendVips));
  for (const n of Object.values(t.networks)) {
    const ip = n.managementIp;
    if (ip === null) continue;
    let why: string | null = null;
    if (ip === VAGRANT_NAT_IP)
      why = `${ip} is the VirtualBox/Vagrant NAT adapter address, which other nodes cannot reach`;
    else if (vips.has(ip)) why = `${ip} is also a load balancer VIP`;
    else if (peers.length > 0 && !peers.some((p) => same16(p, ip)))
      why = `${ip} is not in the same /16 as any node address seen (${[...new Set(peers)].join(', ')})`;
    if (why === null) continue;
    out.push({
      code: 'management-ip-unexpected',
      severity: 'warning',
      title: 'Management IP on an unexpected adapter',
      problem: `Network ${n.name} uses management IP ${ip}: ${why}.`,
      evidence: `ManagementIP ${ip}${n.networkAdapterName ? ` on adapter ${n.networkAdapterName}` : ''}; provider addresses: ${[...new Set(peers)].join(', ') || 'none'}.`,
      fix: 'Recreate the network on the node-to-node adapter (set the CNI/flannel interface or KubeCluster -InterfaceName explicitly).',
      objectIds: [n.id],
    });
  }
  return out;
};

export const overlaySourceVip: Check = (t) => {
  const overlays = Object.values(t.networks).filter((n) => n.type === 'overlay');
  const detailed = Object.values(t.loadBalancers).filter(
    (lb) => lb.protocol !== 0 && lb.frontendVips.length > 0,
  );
  if (overlays.length === 0 || detailed.length === 0) return [];
  if (detailed.some((lb) => lb.sourceVip !== null)) return [];
  if (Object.values(t.endpoints).some((e) => e.role === 'source-vip')) return [];
  return [
    {
      code: 'overlay-no-source-vip',
      severity: 'warning',
      title: 'Overlay network without a source VIP',
      problem:
        'kube-proxy load balancers on an overlay network carry no SourceVIP: service traffic from pods cannot be SNATed back through the overlay.',
      evidence: `${detailed.length} load balancer(s) without SourceVIP on overlay network(s) ${overlays.map((n) => n.name).join(', ')}.`,
      fix: "Give kube-proxy '--source-vip' (and the sourceVip endpoint created by the CNI) as in the Windows overlay setup guides.",
      objectIds: [...overlays.map((n) => n.id), ...detailed.map((lb) => lb.id)],
    },
  ];
};

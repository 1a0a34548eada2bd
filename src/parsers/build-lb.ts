/** Merged load balancer records → model load balancers, with kinds from the inferred service CIDR. */

import type { LoadBalancer, Topology, Endpoint } from '../model/types';
import { cidrContains, parseCidr } from '../shared/ip';
import { NODE_ID, provenance } from './ids';
import { inferCidrs } from './infer';
import type { MergedSet } from './merge';
import type { NLoadBalancer } from './normalise';
import { fastIpv4 } from './values';

/** Flag objects are shared per combination (6 bits): 5,000 load balancers need only a few. */
const FLAGS = new Map<number, LoadBalancer['flags']>();
function flagsOf(d: NLoadBalancer): LoadBalancer['flags'] {
  const bits =
    (d.dsr ? 1 : 0) |
    (d.ilb ? 2 : 0) |
    (d.localRoutedVip ? 4 : 0) |
    (d.ipv6 ? 8 : 0) |
    (d.preserveDip ? 16 : 0) |
    (d.useMux ? 32 : 0);
  let f = FLAGS.get(bits);
  if (f === undefined) {
    f = Object.freeze({
      dsr: !!(bits & 1),
      ilb: !!(bits & 2),
      localRoutedVip: !!(bits & 4),
      ipv6: !!(bits & 8),
      preserveDip: !!(bits & 16),
      useMux: !!(bits & 32),
    });
    FLAGS.set(bits, f);
  }
  return f;
}

export function buildLoadBalancers(merged: MergedSet, t: Topology): Record<string, LoadBalancer> {
  const out: Record<string, LoadBalancer> = {};
  // Kinds need the service CIDR, which the VIPs themselves help to infer.
  const allVips: string[] = [];
  for (const m of merged.loadBalancers.values())
    if (m.data.vips?.[0] !== undefined) allVips.push(m.data.vips[0]);
  const svcText = inferCidrs(t, allVips).serviceCidr?.cidr;
  const svc = svcText !== undefined ? parseCidr(svcText) : null;
  const inSvc = (v: string): boolean => {
    const n = fastIpv4(v);
    return svc !== null && n !== null && cidrContains(svc, n);
  };
  for (const m of merged.loadBalancers.values()) {
    const d = m.data;
    const vips = d.vips ?? [];
    const backends = d.backends ?? [];
    let firstBackend: Endpoint | undefined;
    for (const b of backends) if ((firstBackend = t.endpoints[b]) !== undefined) break;
    out[m.id] = {
      id: m.id,
      nodeId: NODE_ID,
      networkId:
        d.networkId !== undefined && d.networkId in t.networks
          ? d.networkId
          : (firstBackend?.networkId ?? null),
      kind:
        vips.length === 0
          ? 'nodeport'
          : svc === null
            ? 'unknown'
            : vips.every(inSvc)
              ? 'clusterip'
              : 'externalip',
      frontendVips: vips,
      protocol: d.protocol ?? 0,
      internalPort: d.internalPort ?? 0,
      externalPort: d.externalPort ?? 0,
      backendEndpointIds: backends,
      sourceVip: d.sourceVip ?? null,
      flags: flagsOf(d),
      distribution: d.distribution ?? 'none',
      serviceId: null,
      provenance: provenance(m.origins[0]),
    };
  }
  return out;
}

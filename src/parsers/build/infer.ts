/**
 * Guess the cluster and service CIDRs of a dumped node when no cluster information was given:
 * from ROUTE policies (Calico and flannel route the service CIDR with encap), OutBoundNAT
 * exception lists, LB VIPs, DNS servers, local subnets and RemoteSubnetRoute prefixes.
 * Guesses are labelled with their evidence.
 */

import type { Topology } from '../../model/types';
import { cidrContains, formatCidr, inPrefix, maskOf, parseCidr, parseIpv4 } from '../../shared/ip';
import { fastIpv4 } from '../normalise/values';

export interface CidrGuess {
  readonly cidr: string;
  readonly evidence: string;
}

export interface InferredCidrs {
  readonly clusterCidr: CidrGuess | null;
  readonly serviceCidr: CidrGuess | null;
}

/** Smallest prefix holding every address or prefix given (null when there are none). */
export function supernet(items: readonly string[]): string | null {
  let base: number | null = null;
  let bits = 32;
  for (const it of items) {
    const c = parseCidr(it);
    if (c === null) continue;
    if (base === null) {
      base = c.base;
      bits = c.bits;
      continue;
    }
    bits = Math.min(bits, c.bits);
    while (bits > 0 && (base & maskOf(bits)) >>> 0 !== (c.base & maskOf(bits)) >>> 0) bits--;
    base = (base & maskOf(bits)) >>> 0;
  }
  return base === null ? null : formatCidr({ base, bits, mask: maskOf(bits) });
}

function slash16(ipText: string): string | null {
  const n = parseIpv4(ipText);
  return n === null
    ? null
    : formatCidr({ base: (n & maskOf(16)) >>> 0, bits: 16, mask: maskOf(16) });
}

/** `extraVips`: load balancer VIPs not (yet) in `t` (the builder infers before it builds them). */
export function inferCidrs(t: Topology, extraVips: readonly string[] = []): InferredCidrs {
  if (t.cluster !== null) {
    return {
      clusterCidr: { cidr: t.cluster.clusterCidr, evidence: 'cluster information' },
      serviceCidr: { cidr: t.cluster.serviceCidr, evidence: 'cluster information' },
    };
  }
  const networks = Object.values(t.networks);
  const podPrefixes: string[] = [];
  for (const n of networks) {
    if (n.type === 'nat' || n.type === 'ics' || n.type === 'internal' || n.type === 'private')
      continue;
    for (const s of n.subnets)
      if (parseCidr(s.addressPrefix) && s.addressPrefix !== '') podPrefixes.push(s.addressPrefix);
    for (const p of n.policies)
      if (p.type === 'RemoteSubnetRoute') podPrefixes.push(p.destinationPrefix);
  }
  const endpoints = Object.values(t.endpoints);
  const vips = [
    ...extraVips,
    ...Object.values(t.loadBalancers).flatMap((lb) => lb.frontendVips),
  ].filter((v) => fastIpv4(v) !== null);
  let service: CidrGuess | null = null;
  const checked = new Set<string>();
  for (const e of endpoints) {
    for (const p of e.policies) {
      if (
        p.type !== 'ROUTE' ||
        !p.needEncap ||
        service !== null ||
        checked.has(p.destinationPrefix)
      )
        continue;
      checked.add(p.destinationPrefix);
      if (parseCidr(p.destinationPrefix) === null) continue;
      if (!podPrefixes.some((pp) => inPrefix(p.destinationPrefix.split('/')[0] ?? '', pp))) {
        service = {
          cidr: p.destinationPrefix,
          evidence: `ROUTE policy (NeedEncap) on endpoint ${e.name || e.id}`,
        };
      }
    }
  }
  if (service === null) {
    const dns = endpoints.flatMap((e) => e.dns?.servers ?? []).find((s) => parseIpv4(s) !== null);
    const basis = dns ?? vips[0];
    const guess = basis !== undefined ? slash16(basis) : null;
    const g = guess !== null ? parseCidr(guess) : null;
    if (
      guess !== null &&
      g !== null &&
      (dns !== undefined || vips.every((v) => cidrContains(g, fastIpv4(v) ?? -1)))
    ) {
      service = {
        cidr: guess,
        evidence:
          dns !== undefined
            ? `the /16 of DNS server ${dns}`
            : 'the /16 shared by the load balancer VIPs',
      };
    }
  }
  const clusterText =
    podPrefixes.length > 1
      ? supernet(podPrefixes)
      : podPrefixes[0] !== undefined
        ? slash16(podPrefixes[0].split('/')[0] ?? '')
        : null;
  const cluster =
    clusterText !== null
      ? {
          cidr: clusterText,
          evidence:
            podPrefixes.length > 1
              ? `supernet of pod subnets ${podPrefixes.join(', ')}`
              : `the /16 of pod subnet ${podPrefixes[0] ?? ''}`,
        }
      : null;
  return { clusterCidr: cluster, serviceCidr: service };
}

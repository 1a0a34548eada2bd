/** Merged load balancer records → model load balancers, with kinds from the inferred service CIDR. */

import type { LoadBalancer, Topology, Endpoint } from '../../model/types';
import { cidrContains, parseCidr, type Cidr } from '../../shared/ip';
import { NODE_ID, provenance } from './ids';
import { inferCidrs } from './infer';
import type { MergedSet } from '../normalise/merge';
import type { NLoadBalancer } from '../normalise/normalise';
import { fastIpv4 } from '../normalise/values';
import { emptyTable, hasEntry } from '../../shared/table';
import { MAX_MODEL_STRING } from '../../model/limits';

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

/** Every VIP is an IPv4 address inside `svc`. */
function allIn(svc: Cidr, vips: readonly string[]): boolean {
  for (const v of vips) {
    const n = fastIpv4(v);
    if (n === null || !cidrContains(svc, n)) return false;
  }
  return true;
}

/**
 * What the node builder wants to know about the load balancers, gathered while building them
 * (`Object.values` of a 5,000-entry table costs more than building it): `null` when the
 * table's own order is not the build order (an id that is an array index comes first) or an
 * id is `__proto__` (not an own key).
 */
export interface LbSummary {
  readonly count: number;
  readonly anyDsr: boolean;
  /** Source VIP of the first load balancer that has one. */
  readonly sourceVip: string | null;
}

/** A string no longer than the model allows, or null. */
const short = (s: string | null): boolean => s === null || s.length <= MAX_MODEL_STRING;

function allShort(list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (typeof s !== 'string' || s.length > MAX_MODEL_STRING) return false;
  }
  return true;
}

const INDEX = /^(?:0|[1-9]\d*)$/;
function plainKey(id: string): boolean {
  const c = id.charCodeAt(0);
  if (c === 95) return id !== '__proto__';
  // An array index has at most 10 digits (a GUID starting with a digit is not one).
  return !(c >= 48 && c <= 57 && id.length <= 10 && INDEX.test(id) && Number(id) < 4294967295);
}

/**
 * `fits`: every string of the table (keys included) is within `MAX_MODEL_STRING`, checked
 * field by field as each entry is made, so the model-limits walk can skip the table (it is
 * most of a big dump's model). The fields checked are all the string fields of a
 * `LoadBalancer`; flags, numbers and the constant kind, distribution and provenance words
 * hold no dump text.
 */
export function buildLoadBalancers(
  merged: MergedSet,
  t: Topology,
): { loadBalancers: Record<string, LoadBalancer>; summary: LbSummary | null; fits: boolean } {
  const out = emptyTable<LoadBalancer>();
  let fits = true;
  let count = 0;
  let anyDsr = false;
  let sourceVip: string | null = null;
  let plain = true;
  // Kinds need the service CIDR, which the VIPs themselves help to infer.
  const allVips: string[] = [];
  for (const m of merged.loadBalancers.values())
    if (m.data.vips?.[0] !== undefined) allVips.push(m.data.vips[0]);
  const svcText = inferCidrs(t, allVips).serviceCidr?.cidr;
  const svc = svcText !== undefined ? parseCidr(svcText) : null;
  for (const m of merged.loadBalancers.values()) {
    const d = m.data;
    const vips = d.vips ?? [];
    const backends = d.backends ?? [];
    let networkId: string | null;
    if (d.networkId !== undefined && hasEntry(t.networks, d.networkId)) networkId = d.networkId;
    else {
      // Only needed without a known network: the first backend that is a known endpoint.
      let firstBackend: Endpoint | undefined;
      for (const b of backends) if ((firstBackend = t.endpoints[b]) !== undefined) break;
      networkId = firstBackend?.networkId ?? null;
    }
    const flags = flagsOf(d);
    const lbSourceVip = d.sourceVip ?? null;
    count++;
    anyDsr ||= flags.dsr;
    sourceVip ??= lbSourceVip;
    plain &&= plainKey(m.id);
    const prov = provenance(m.origins[0]);
    fits &&=
      m.id.length <= MAX_MODEL_STRING &&
      short(networkId) &&
      short(lbSourceVip) &&
      allShort(vips) &&
      allShort(backends) &&
      short(prov.id) &&
      short(prov.detail);
    out[m.id] = {
      id: m.id,
      nodeId: NODE_ID,
      networkId,
      kind:
        vips.length === 0
          ? 'nodeport'
          : svc === null
            ? 'unknown'
            : allIn(svc, vips)
              ? 'clusterip'
              : 'externalip',
      frontendVips: vips,
      protocol: d.protocol ?? 0,
      internalPort: d.internalPort ?? 0,
      externalPort: d.externalPort ?? 0,
      backendEndpointIds: backends,
      sourceVip: lbSourceVip,
      flags,
      distribution: d.distribution ?? 'none',
      serviceId: null,
      provenance: prov,
    };
  }
  return { loadBalancers: out, summary: plain ? { count, anyDsr, sourceVip } : null, fits };
}

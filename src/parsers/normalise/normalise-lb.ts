/** v1 policy lists (ELB policy) and v2 HostComputeLoadBalancers → one normalised record. */

import { psValue } from '../formats/ps-value';
import { isRecord } from '../formats/raw';
import { bool, getter, ip, normId, num, records, setIf, str, strList, type Get } from './values';

export interface NLoadBalancer {
  vips?: string[];
  protocol?: number;
  internalPort?: number;
  externalPort?: number;
  backends?: string[];
  sourceVip?: string;
  dsr?: boolean;
  ilb?: boolean;
  localRoutedVip?: boolean;
  ipv6?: boolean;
  preserveDip?: boolean;
  useMux?: boolean;
  distribution?: 'none' | 'source-ip-protocol' | 'source-ip';
  networkId?: string;
}

/** `/endpoints/<id>` (any case) → `<id>`; anything else as it is. */
function stripEndpoints(r: string): string {
  return r.charCodeAt(0) === 47 && r.length >= 11 && r.slice(0, 11).toLowerCase() === '/endpoints/'
    ? r.slice(11)
    : r;
}

function isElb(p: Record<string, unknown>): boolean {
  const t = p['Type'];
  if (t === 'ELB') return true;
  const s = str(t);
  if (s !== undefined) return s.toUpperCase() === 'ELB';
  // A list view cut before `Type`: only an ELB policy has these ports.
  return 'ExternalPort' in p || 'InternalPort' in p;
}

/** `records(v).find(isElb)` without the intermediate array (records() has no side effects). */
function elbOf(v: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(v)) return records(v).find(isElb);
  for (const x of v as unknown[]) {
    if (isRecord(x)) {
      if (isElb(x)) return x;
    } else if (typeof x === 'string' && x.startsWith('@{')) {
      const p = psValue(x);
      if (isRecord(p) && isElb(p)) return p;
    }
  }
  return undefined;
}

/** Backend ids from `References` (`/endpoints/<id>`), in place (strList gives a fresh array). */
function backendsOf(v: unknown): string[] | undefined {
  const refs = strList(v);
  if (refs === undefined) return undefined;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    refs[i] = normId(stripEndpoints(r)) ?? r;
  }
  return refs;
}

/**
 * The fields of an ELB policy. It always has `Type` in HNS casing (that is how it was found),
 * so `getter(elb)(x)` is `elb[x]`: read directly.
 */
function elbFields(lb: NLoadBalancer, e: Record<string, unknown>): NLoadBalancer {
  setIf(lb, 'vips', strList(e['VIPs']));
  setIf(lb, 'protocol', num(e['Protocol']));
  setIf(lb, 'internalPort', num(e['InternalPort']));
  setIf(lb, 'externalPort', num(e['ExternalPort']));
  setIf(lb, 'sourceVip', ip(e['SourceVIP']));
  setIf(lb, 'dsr', bool(e['IsDSR']));
  setIf(lb, 'ilb', bool(e['ILB']));
  setIf(lb, 'localRoutedVip', bool(e['LocalRoutedVip']));
  return lb;
}

/**
 * Memo of the pure id normalisations of one parse: a big dump names the same few hundred
 * endpoints and one network in thousands of load balancers. Sharing the strings saves the work
 * and keeps the model small (fewer survivors for the young-generation GC).
 */
export class IdMemo {
  private readonly refs = new Map<string, string>();
  private lastNet: unknown = undefined;
  private lastNetId: string | undefined = undefined;

  /** Forget every string (after a parse: the memo is reused, see `parseInputs`). */
  clear(): void {
    this.refs.clear();
    this.lastNet = undefined;
    this.lastNetId = undefined;
  }

  /** `normId(stripEndpoints(r)) ?? r`. */
  ref(r: string): string {
    let id = this.refs.get(r);
    if (id === undefined) {
      id = normId(stripEndpoints(r)) ?? r;
      this.refs.set(r, id);
    }
    return id;
  }

  /** `normId(v) ?? undefined`. */
  network(v: unknown): string | undefined {
    if (v !== this.lastNet || v === undefined) {
      this.lastNet = v;
      this.lastNetId = normId(v) ?? undefined;
    }
    return this.lastNetId;
  }
}

/**
 * `loadBalancer(getter(o))` for an object in HNS's own casing (`isHnsCased`: no
 * case-insensitive fallback) with an ELB policy: the v1 policy list, the bulk of big dumps.
 * Fields are read directly (no closure, no intermediate arrays) into one fixed shape (unknown
 * fields stay undefined, which the merge and the builder treat as absent); the same values.
 */
export function loadBalancerHns(o: Record<string, unknown>, memo: IdMemo): NLoadBalancer {
  const e = elbOf(o['Policies']);
  if (e === undefined) return loadBalancer(getter(o));
  let refs = o['References'];
  if (refs === undefined && !('References' in o)) refs = o['HostComputeEndpoints'];
  const backends = strList(refs);
  if (backends !== undefined)
    for (let i = 0; i < backends.length; i++) backends[i] = memo.ref(backends[i]!);
  return {
    backends,
    networkId: memo.network(o['HostComputeNetwork']),
    vips: strList(e['VIPs']),
    protocol: num(e['Protocol']),
    internalPort: num(e['InternalPort']),
    externalPort: num(e['ExternalPort']),
    sourceVip: ip(e['SourceVIP']),
    dsr: bool(e['IsDSR']),
    ilb: bool(e['ILB']),
    localRoutedVip: bool(e['LocalRoutedVip']),
  };
}

export function loadBalancer(g: Get): NLoadBalancer {
  const lb: NLoadBalancer = {};
  const elb = elbOf(g('Policies'));
  setIf(lb, 'backends', backendsOf(g('References', 'HostComputeEndpoints')));
  setIf(lb, 'networkId', normId(g('HostComputeNetwork')) ?? undefined);
  if (elb) return elbFields(lb, elb);
  setIf(lb, 'vips', strList(g('FrontendVIPs', 'VIPs')));
  setIf(lb, 'sourceVip', ip(g('SourceVIP')));
  const flags = num(g('Flags'));
  if (flags !== undefined) {
    lb.dsr = (flags & 1) === 1;
    lb.ipv6 = (flags & 2) === 2;
  }
  const pm = records(g('PortMappings'))[0];
  if (pm) {
    const p = getter(pm);
    setIf(lb, 'protocol', num(p('Protocol')));
    setIf(lb, 'internalPort', num(p('InternalPort')));
    setIf(lb, 'externalPort', num(p('ExternalPort')));
    const pf = num(p('Flags'));
    if (pf !== undefined) {
      lb.ilb = (pf & 1) === 1;
      lb.localRoutedVip = (pf & 2) === 2;
      lb.useMux = (pf & 4) === 4;
      lb.preserveDip = (pf & 8) === 8;
    }
    const d = num(p('DistributionType'));
    if (d !== undefined)
      lb.distribution = d === 2 ? 'source-ip' : d === 1 ? 'source-ip-protocol' : 'none';
  }
  return lb;
}

/**
 * Which rules of a source's own port its own connections can meet: the rewrites a port's
 * rules can make (address and port range), and the rules none of its packets can match.
 */
import type { Cidr } from '../../shared/ip';
import { parseIpv4 } from '../../shared/ip';
import type { PortRange } from '../../model/types';
import type { CGroup, RuleBody } from '../compile-vfp';

/** The source port every matrix request uses (`cellRequest`: the engine's default). */
export const MATRIX_SOURCE_PORT = 50000;

export function covers(rs: readonly PortRange[], lo: number, hi: number): boolean {
  for (const r of rs) if (r.from <= hi && lo <= r.to) return true;
  return false;
}

/**
 * Rewrites a group's rules can make into one port range: the addresses written (`any`: some
 * rewrite keeps or does not name the address), sorted when first searched.
 */
interface PoolRange {
  readonly lo: number;
  readonly hi: number;
  any: boolean;
  ips: number[];
  sorted: boolean;
}

export interface Pools {
  /** Source addresses and ports a rule of the group can rewrite to (going out). */
  readonly src: readonly PoolRange[];
  /** Destination addresses and ports a rule of the group can rewrite to (coming in). */
  readonly dst: readonly PoolRange[];
}

/** One action's rewrites as `[address or -1, lo, hi]`. */
type Rewrite = readonly [number, number, number];
/**
 * Actions' rewrites parsed so far, by action object: one per scan (a new plan parses again,
 * so a plan's cost does not depend on an earlier one).
 */
export type RewriteCache = Map<object, { src: Rewrite[]; dst: Rewrite[] }>;

function actionRewrites(
  a: RuleBody['action'],
  rewritesOf: RewriteCache,
): { src: Rewrite[]; dst: Rewrite[] } {
  let w = rewritesOf.get(a);
  if (w) return w;
  const ip = (x: string | null) => (x ? (parseIpv4(x) ?? -1) : -1);
  w = { src: [], dst: [] };
  if (a.kind === 'dynnat') w.src.push([ip(a.snatIp), a.portPool.from, a.portPool.to]);
  else if (a.kind === 'lbnat') {
    if (a.snatIp) w.src.push([ip(a.snatIp), 0, 65535]);
    for (const b of a.backends) w.dst.push([ip(b.ip), b.port, b.port]);
  } else if (a.kind === 'nat' && a.port !== null)
    (a.side === 'source' ? w.src : w.dst).push([ip(a.ip), a.port, a.port]);
  rewritesOf.set(a, w);
  return w;
}

/** The rewrites the rules of a group can make, by port range. */
export function groupPools(g: CGroup, rewrites: RewriteCache): Pools {
  const src = new Map<number, PoolRange>();
  const dst = new Map<number, PoolRange>();
  const add = (m: Map<number, PoolRange>, [ip, lo, hi]: Rewrite) => {
    const k = lo * 65536 + hi;
    let r = m.get(k);
    if (!r) m.set(k, (r = { lo, hi, any: false, ips: [], sorted: true }));
    if (ip < 0) r.any = true;
    else if (r.ips[r.ips.length - 1] !== ip) {
      r.ips.push(ip);
      r.sorted = false;
    }
  };
  let last: object | null = null;
  for (const r of g.rules) {
    if (r.action === last) continue;
    last = r.action;
    const w = actionRewrites(r.action, rewrites);
    for (const x of w.src) add(src, x);
    for (const x of w.dst) add(dst, x);
  }
  return { src: [...src.values()], dst: [...dst.values()] };
}

/** Does a pool range hold an address inside `c`? */
function anyInside(x: PoolRange, c: Cidr): boolean {
  if (!x.sorted) {
    x.ips.sort((p, q) => p - q);
    x.sorted = true;
  }
  const ips = x.ips;
  const top = c.base + 2 ** (32 - c.bits) - 1;
  let lo = 0;
  let hi = ips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ips[mid]! < c.base) lo = mid + 1;
    else hi = mid;
  }
  return lo < ips.length && ips[lo]! <= top;
}

/**
 * A rule on a source's own port that none of its connections' packets can match: going out
 * they carry its source address and port (or an address and port a rule of the port rewrote
 * them to), coming back in that port as destination (or one a rule rewrote it to). The rules
 * HNS adds to a load balancer's backend ports (`ALLOW_NAT_…` from the pod's address and target
 * port, `NAT_…` to the VIP) are such: they matter when the pod is the backend, which the
 * matrix checks separately (a member picked as its own backend is only equivalent when its
 * whole program is). A rewrite counts only where both its address and its ports can match:
 * a non-DSR load balancer's SNAT to its SourceVIP writes any port, but never the pod's own
 * address, so it does not make `ALLOW_NAT_…` reachable.
 */
export function irrelevant(
  cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
  r: RuleBody,
  dir: 'in' | 'out',
  pools: readonly (() => Pools)[],
): boolean {
  const ports = dir === 'out' ? r.conditions.srcPorts : r.conditions.dstPorts;
  if (!ports || covers(ports, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) return false;
  const prefixes = dir === 'out' ? cc.src : cc.dst;
  for (const poolsOf of pools) {
    const p = poolsOf();
    for (const x of dir === 'out' ? p.src : p.dst) {
      if (!covers(ports, x.lo, x.hi)) continue;
      if (x.any || !prefixes) return false;
      for (const c of prefixes) if (anyInside(x, c)) return false;
    }
  }
  return true;
}

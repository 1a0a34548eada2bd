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
 * Rewrites a group's rules can make into one port range: the address texts written (null: the
 * rewrite keeps or does not name the address), parsed and sorted only when first searched
 * (most ranges never are: a pod's `NAT_…` rules and a node's 10,000 LB_DSR backends write its
 * target port, which the own connections' ports never meet).
 */
class PoolRange {
  private texts: (string | null)[] | null = [];
  /** Some rewrite keeps the address, or writes one that is not an IPv4 address. */
  private keeps = false;
  private ips: number[] = [];
  constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}

  add(ip: string | null): void {
    const texts = this.texts!;
    if (texts.length === 0 || texts[texts.length - 1] !== ip) texts.push(ip);
  }

  /** Can a rewrite into this range write any address (keep the one a packet has)? */
  get any(): boolean {
    this.parse();
    return this.keeps;
  }

  /** Does this range write an address inside `c`? */
  anyInside(c: Cidr): boolean {
    this.parse();
    const ips = this.ips;
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

  private parse(): void {
    const texts = this.texts;
    if (!texts) return;
    this.texts = null;
    for (const x of texts) {
      const ip = x ? (parseIpv4(x) ?? -1) : -1;
      if (ip < 0) this.keeps = true;
      else this.ips.push(ip);
    }
    this.ips.sort((p, q) => p - q);
  }
}

export interface Pools {
  /** Source addresses and ports a rule of the group can rewrite to (going out). */
  readonly src: readonly PoolRange[];
  /** Destination addresses and ports a rule of the group can rewrite to (coming in). */
  readonly dst: readonly PoolRange[];
}

/** Ranges by `lo * 65536 + hi`, in the order first met. */
class Ranges {
  readonly list: PoolRange[] = [];
  private readonly byKey = new Map<number, PoolRange>();
  private last: PoolRange | null = null;

  add(ip: string | null, lo: number, hi: number): void {
    let r = this.last;
    if (!r || r.lo !== lo || r.hi !== hi) {
      const k = lo * 65536 + hi;
      r = this.byKey.get(k) ?? null;
      if (!r) {
        this.byKey.set(k, (r = new PoolRange(lo, hi)));
        this.list.push(r);
      }
      this.last = r;
    }
    r.add(ip);
  }
}

/**
 * The rewrites the rules of a group can make, by port range: one walk over its actions,
 * nothing parsed or kept per action (a list of 5,000 LB_DSR rules is walked once per plan).
 */
export function groupPools(g: CGroup): Pools {
  const src = new Ranges();
  const dst = new Ranges();
  let last: object | null = null;
  // Indexed loops: no iterator results, whatever tier this runs in (it runs a few times a plan).
  const rules = g.rules;
  for (let i = 0; i < rules.length; i++) {
    const a = rules[i]!.action;
    if (a === last) continue;
    last = a;
    if (a.kind === 'dynnat') src.add(a.snatIp, a.portPool.from, a.portPool.to);
    else if (a.kind === 'lbnat') {
      if (a.snatIp) src.add(a.snatIp, 0, 65535);
      const bs = a.backends;
      for (let j = 0; j < bs.length; j++) dst.add(bs[j]!.ip, bs[j]!.port, bs[j]!.port);
    } else if (a.kind === 'nat' && a.port !== null)
      (a.side === 'source' ? src : dst).add(a.ip, a.port, a.port);
  }
  return { src: src.list, dst: dst.list };
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
  pools: readonly Pools[],
): boolean {
  const ports = dir === 'out' ? r.conditions.srcPorts : r.conditions.dstPorts;
  if (!ports || covers(ports, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) return false;
  const prefixes = dir === 'out' ? cc.src : cc.dst;
  for (const p of pools) {
    for (const x of dir === 'out' ? p.src : p.dst) {
      if (!covers(ports, x.lo, x.hi)) continue;
      if (!prefixes || x.any) return false;
      for (const c of prefixes) if (x.anyInside(c)) return false;
    }
  }
  return true;
}

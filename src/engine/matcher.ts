/**
 * The evaluation index of one group's rules: parsed conditions by position (evaluation
 * order), exact /32 destinations in a hash map (big buckets also split by protocol and
 * port), wildcards in order, or LPM buckets longest prefix first. Built once per distinct
 * rule list and shared by every port that carries it (see compile-vfp.ts).
 */
import { parseCidr, type Cidr } from '../shared/ip';
import type { PortRange, RuleConditions, VfpRuleBody, VfpRuleType } from '../model/types';

/** What the engine reads of a rule: a model `VfpRule`, or a shared body (no id, see `ruleIdOf`). */
export type RuleBody = VfpRuleBody & { readonly id?: string };

/** A rule's conditions, parsed (shared by every rule object with the same `conditions`). */
export interface CCond {
  readonly src: readonly Cidr[] | null;
  readonly dst: readonly Cidr[] | null;
  readonly sports: readonly PortRange[] | null;
  readonly dports: readonly PortRange[] | null;
  readonly protos: readonly number[] | null;
  /** Longest destination prefix (LPM ordering). */
  readonly dstBits: number;
}

/** Rule positions (ascending); a lone position is stored bare to save an array per VIP. */
export type Bucket = number | readonly number[];

/** A big exact bucket (one VIP, many ports: NodePorts) split by `proto * 65536 + port`. */
export interface PortIndex {
  readonly byKey: Map<number, Bucket>;
  /** Positions that are not a single proto/port (or are dynnat/encap/decap), ascending. */
  readonly rest: readonly number[];
}

export interface LpmBucket {
  readonly bits: number;
  readonly mask: number;
  readonly map: Map<number, Bucket>;
}

export interface Matcher {
  readonly lpm: boolean;
  readonly size: number;
  /** Per position (evaluation order): parsed conditions, rule type, priority. */
  readonly conds: readonly CCond[];
  readonly types: readonly VfpRuleType[];
  readonly prios: readonly number[];
  /** Priority groups: positions of rules whose destinations are all /32, by destination. */
  readonly exact: Map<number, Bucket>;
  /** Exact buckets bigger than BIG, split by protocol and port (used when nothing is recorded). */
  readonly exactByPort: Map<number, PortIndex>;
  /** Everything else, ascending. */
  readonly wild: readonly number[];
  /** LPM groups: longest prefix first. */
  readonly lpmBuckets: readonly LpmBucket[];
  /** What the matcher was built from, to share it only with an identical list. */
  readonly sig: readonly RuleConditions[];
}

/** Exact buckets above this size also get the proto/port split (NodePorts on the node IP). */
export const BIG = 16;
const NO_DST: readonly Cidr[] = [{ base: 0, bits: 0, mask: 0 }];

function cidrs(xs: readonly string[] | null): Cidr[] | null {
  if (xs === null) return null;
  const out: Cidr[] = [];
  for (const x of xs) {
    const c = parseCidr(x);
    if (c) out.push(c);
  }
  return out;
}

export function compileCond(k: RuleConditions): CCond {
  const dst = cidrs(k.dstPrefixes);
  let dstBits = 0;
  for (const c of dst ?? []) dstBits = Math.max(dstBits, c.bits);
  return {
    src: cidrs(k.srcPrefixes),
    dst,
    sports: k.srcPorts,
    dports: k.dstPorts,
    protos: k.protocols,
    dstBits,
  };
}

function add(m: Map<number, Bucket>, k: number, pos: number): void {
  const b = m.get(k);
  if (b === undefined) m.set(k, pos);
  else if (typeof b === 'number') m.set(k, [b, pos]);
  else (b as number[]).push(pos);
}

/**
 * The proto/port key of a rule that can only match one protocol and one port, else -1.
 * dynnat, encap and decap stay out so skipping other keys never hides the ICMP-vs-SNAT case.
 */
function portKey(type: VfpRuleType, c: CCond): number {
  if (type === 'dynnat' || type === 'encap' || type === 'decap') return -1;
  if (c.protos === null || c.protos.length !== 1 || c.dports === null || c.dports.length !== 1)
    return -1;
  const r = c.dports[0]!;
  return r.from === r.to ? c.protos[0]! * 65536 + r.from : -1;
}

/** Index `rules` (in evaluation order) whose parsed conditions are `conds`. */
export function buildMatcher(lpm: boolean, rules: readonly RuleBody[], conds: CCond[]): Matcher {
  const exact = new Map<number, Bucket>();
  const wild: number[] = [];
  const byBits = new Map<number, Map<number, Bucket>>();
  const types = rules.map((r) => r.type);
  for (let pos = 0; pos < rules.length; pos++) {
    const c = conds[pos]!;
    if (lpm) {
      for (const d of c.dst ?? NO_DST) {
        const m = byBits.get(d.bits) ?? new Map<number, Bucket>();
        byBits.set(d.bits, m);
        add(m, d.base, pos);
      }
    } else if (c.dst && c.dst.length > 0 && c.dst.every((d) => d.bits === 32)) {
      for (const d of c.dst) add(exact, d.base, pos);
    } else wild.push(pos);
  }
  const exactByPort = new Map<number, PortIndex>();
  for (const [ip, b] of exact) {
    if (typeof b === 'number' || b.length <= BIG) continue;
    const byKey = new Map<number, Bucket>();
    const rest: number[] = [];
    for (const pos of b) {
      const k = portKey(types[pos]!, conds[pos]!);
      if (k < 0) rest.push(pos);
      else add(byKey, k, pos);
    }
    exactByPort.set(ip, { byKey, rest });
  }
  const lpmBuckets = [...byBits.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([bits, map]) => ({
      bits,
      mask: bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0,
      map,
    }));
  return {
    lpm,
    size: rules.length,
    conds,
    types,
    prios: rules.map((r) => r.priority),
    exact,
    exactByPort,
    wild,
    lpmBuckets,
    sig: rules.map((r) => r.conditions),
  };
}

/**
 * The one pass over a topology that source classes need: every port's program encoded as
 * numbers (equal up to the owner's own tokens), mentions of sources outside their own objects,
 * and the wide prefixes. Rule lists shared by many ports are encoded once.
 */
import type { Cidr } from '../../shared/ip';
import { cidrContains, parseCidr, parseIpv4 } from '../../shared/ip';
import type { PortRange } from '../../model/types';
import type { CGroup, CPort, Matcher, RuleBody } from '../compile-vfp';
import { substitute, tokenRegex, type OwnTokens } from './tokens';

const SPLIT = /[\s_"{}[\],()/=|;]+/;

/** Which sources' tokens occur in texts (memoised per text and per object). */
class Hits {
  private readonly byToken = new Map<string, number[]>();
  private readonly byText = new Map<string, readonly number[]>();
  constructor(tokens: readonly (OwnTokens | null)[]) {
    tokens.forEach((tok, s) => {
      for (const v of tok?.values ?? []) {
        const l = this.byToken.get(v);
        if (l) {
          if (!l.includes(s)) l.push(s);
        } else this.byToken.set(v, [s]);
      }
    });
  }
  of(text: string): readonly number[] {
    let h = this.byText.get(text);
    if (h) return h;
    const out: number[] = [];
    const look = (piece: string) => {
      for (const s of this.byToken.get(piece) ?? []) if (!out.includes(s)) out.push(s);
    };
    look(text);
    for (const piece of text.split(SPLIT)) {
      if (!piece) continue;
      look(piece);
      const colon = piece.indexOf(':');
      // `10.244.1.10:8080`, but not a MAC.
      if (colon > 0 && piece.length !== 17) look(piece.slice(0, colon));
      if (piece.endsWith('.')) look(piece.slice(0, -1));
    }
    h = out.length === 0 ? NONE : out;
    this.byText.set(text, h);
    return h;
  }
}
const NONE: readonly number[] = [];

interface ObjInfo {
  readonly id: number;
  readonly text: string;
  readonly hits: readonly number[];
}

/** Everything about the topology the class keys need, computed in one pass over all ports. */
export class Scanner {
  readonly hits: Hits;
  private readonly objs = new WeakMap<object, ObjInfo>();
  private nextId = 1;
  private readonly names = new Map<string, ObjInfo>();
  /** Wide prefixes (not /32, not /0) of every rule and host object, by `base/bits`. */
  readonly wide = new Map<string, Cidr>();
  /** Per source: mentions outside its own objects, as normalised text. */
  readonly mentions: string[][];
  readonly regex: (RegExp | null)[];

  constructor(
    readonly tokens: readonly (OwnTokens | null)[],
    private readonly portOwner: Map<string, number>,
  ) {
    this.hits = new Hits(tokens);
    this.mentions = tokens.map(() => []);
    this.regex = tokens.map((t) => (t ? tokenRegex(t) : null));
  }

  norm(text: string, s: number): string {
    return substitute(text, this.tokens[s]!, this.regex[s]!, null);
  }

  obj(o: object, text: () => string): ObjInfo {
    let i = this.objs.get(o);
    if (!i) {
      // Equal text, equal id: ports often hold equal but distinct condition objects.
      const tx = text();
      i = this.names.get(tx);
      if (!i) {
        i = { id: this.nextId++, text: tx, hits: this.hits.of(tx) };
        this.names.set(tx, i);
      }
      this.objs.set(o, i);
    }
    return i;
  }

  name(n: string): ObjInfo {
    let i = this.names.get(n);
    if (!i) {
      i = { id: this.nextId++, text: n, hits: this.hits.of(n) };
      this.names.set(n, i);
    }
    return i;
  }

  addWide(text: string): void {
    const c = parseCidr(text);
    if (c && c.bits > 0 && c.bits < 32) this.wide.set(`${c.base}/${c.bits}`, c);
  }

  /** Mentions of sources in a non-VFP object (backend lists removed by the caller). */
  scanObject(where: string, o: unknown, owner: number): void {
    const text = JSON.stringify(o) ?? '';
    for (const m of text.matchAll(/\d+\.\d+\.\d+\.\d+\/\d+/g)) this.addWide(m[0]);
    for (const s of this.hits.of(text))
      if (s !== owner) this.mentions[s]!.push(`${where}|${this.norm(text, s)}`);
  }

  /**
   * Per distinct rule list (found by its shared matcher, then checked by identity of names
   * and actions): its pools, hits and encoded rules, so 300 ports × 5,000 LB_DSR rules are
   * encoded once.
   */
  private readonly memos = new WeakMap<Matcher, GroupMemo[]>();

  private memoOf(g: CGroup): GroupMemo {
    let list = this.memos.get(g.m);
    if (!list) this.memos.set(g.m, (list = []));
    const found = list.find((x) => sameRules(x.rules, g.rules));
    if (found) return found;
    const pools = groupPools(g);
    const hit = new Set<number>();
    for (const r of g.rules) {
      for (const s of this.name(r.name).hits) hit.add(s);
      for (const s of this.condInfo(r, null).hits) hit.add(s);
      if (r.action.kind !== 'lbnat') for (const s of this.actInfo(r).hits) hit.add(s);
    }
    const memo: GroupMemo = { rules: g.rules, pools, hit, encoded: new Map() };
    list.push(memo);
    return memo;
  }

  private condInfo(
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null } | null,
  ): ObjInfo {
    return this.obj(r.conditions, () => {
      for (const c of [...(cc?.src ?? []), ...(cc?.dst ?? [])])
        if (c.bits > 0 && c.bits < 32) this.wide.set(`${c.base}/${c.bits}`, c);
      if (!cc)
        for (const x of [...(r.conditions.srcPrefixes ?? []), ...(r.conditions.dstPrefixes ?? [])])
          this.addWide(x);
      return JSON.stringify(r.conditions);
    });
  }

  private actInfo(r: RuleBody): ObjInfo {
    return this.obj(r.action, () => JSON.stringify(r.action));
  }

  /**
   * A port's program as numbers (layers, groups, rules), written so that two ports whose
   * programs are equal up to their owners' own tokens give equal arrays. Also records other
   * sources' mentions and the wide prefixes. For an owned port, `relevant` gets the same
   * without the rules a packet of its owner's connections can never meet there (see
   * `irrelevant`).
   */
  scanPort(cp: CPort, owner: number, relevant: number[] | null): number[] {
    const sig: number[] = [];
    const own = (text: string) => (owner >= 0 ? this.norm(text, owner) : text);
    const str = (text: string) => this.name(own(text)).id;
    const groups = cp.layers.map((cl) => [...cl.outGroups, ...cl.inGroups]);
    const memos = groups.map((gs) => gs.map((g) => this.memoOf(g)));
    const src: PoolEntry[] = [];
    const dst: PoolEntry[] = [];
    for (const ms of memos)
      for (const m of ms) {
        src.push(...m.pools.src);
        dst.push(...m.pools.dst);
      }
    const ownIps = owner >= 0 ? (this.tokens[owner]?.ips ?? []) : [];
    const pools: Pools = ownPools({ src, dst }, ownIps);
    const poolsKey = relevant ? JSON.stringify(pools) : '';
    cp.layers.forEach((cl, li) => {
      const l = cl.layer;
      const head = [
        -1,
        str(l.name),
        l.priority,
        l.stateful ? 1 : 0,
        l.defaultAction === 'block' ? 1 : 0,
      ];
      sig.push(...head);
      relevant?.push(...head);
      groups[li]!.forEach((g, gi) => {
        const gr = g.group;
        const gh = [
          -2,
          str(gr.name),
          gr.direction === 'in' ? 1 : 0,
          gr.priority,
          gr.matchType === 'lpm' ? 1 : 0,
        ];
        sig.push(...gh);
        relevant?.push(...gh);
        const memo = memos[li]![gi]!;
        const reuse = !memo.hit.has(owner);
        let enc = reuse ? memo.encoded.get(poolsKey) : undefined;
        if (!enc) {
          const seg: number[] = [];
          const rel: number[] = [];
          const ments: [number, string][] = [];
          for (let k = 0; k < g.rules.length; k++) {
            const r = g.rules[k]!;
            const at = seg.length;
            this.rule(seg, ments, r, g.m.conds[k]!, owner);
            if (relevant && !irrelevant(r, g.m.conds[k]!, gr.direction, pools, ownIps))
              for (let i = at; i < seg.length; i++) rel.push(seg[i]!);
          }
          // A group's encoding is one number: equal encodings, equal ids.
          enc = {
            seg: this.name(`S${seg.join(',')}`).id,
            rel: this.name(`R${rel.join(',')}`).id,
            ments,
          };
          if (reuse) memo.encoded.set(poolsKey, enc);
        }
        sig.push(enc.seg);
        relevant?.push(enc.rel);
        for (const [s, text] of enc.ments)
          if (s !== owner) this.mentions[s]!.push(`${cp.port.id}|${text}`);
      });
    });
    return sig;
  }

  private rule(
    sig: number[],
    ments: [number, string][],
    r: RuleBody,
    cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
    owner: number,
  ): void {
    const name = this.name(r.name);
    const cond = this.condInfo(r, cc);
    const act = this.actInfo(r);
    // An lbnat action's backends are a backend list: they are never a mention (see above).
    const actHits = r.action.kind === 'lbnat' ? NONE : act.hits;
    const flags = (r.terminating ? 1 : 0) | (r.stateful ? 2 : 0);
    if (name.hits.length + cond.hits.length + actHits.length === 0) {
      sig.push(name.id, r.priority, flags, cond.id, act.id);
      return;
    }
    const text = () =>
      `${r.name}|${r.priority}|${r.type}|${flags}|${cond.text}|${r.action.kind === 'lbnat' ? `#${act.id}` : act.text}`;
    const hit = new Set([...name.hits, ...cond.hits, ...actHits]);
    if (owner >= 0 && hit.has(owner)) sig.push(-3, this.name(this.norm(text(), owner)).id);
    else sig.push(name.id, r.priority, flags, cond.id, act.id);
    // All of them: the encoding is shared with ports of other owners (filtered at use).
    for (const s of hit) ments.push([s, this.norm(text(), s)]);
  }
}

interface GroupMemo {
  readonly rules: readonly RuleBody[];
  readonly pools: Pools;
  /** Sources any rule of the list names (outside backend lists). */
  readonly hit: Set<number>;
  /** Encoded rules per pools key, for owners the list does not name. */
  readonly encoded: Map<string, { seg: number; rel: number; ments: [number, string][] }>;
}

/** Same rules, given the same matcher (which already fixed conditions, types and priorities). */
function sameRules(a: readonly RuleBody[], b: readonly RuleBody[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.action !== y.action || x.name !== y.name) return false;
    if (x.terminating !== y.terminating || x.stateful !== y.stateful) return false;
  }
  return true;
}

function dedupe(xs: PoolEntry[]): PoolEntry[] {
  const seen = new Set<string>();
  return xs
    .filter((e) => {
      const k = e.join('-');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
}

/** The source port every matrix request uses (`cellRequest`: the engine's default). */
export const MATRIX_SOURCE_PORT = 50000;

const covers = (rs: readonly PortRange[], lo: number, hi: number) =>
  rs.some((r) => r.from <= hi && lo <= r.to);

/**
 * A rewrite a port's rules can make: the address (`ANY_IP`: unknown or kept; `OWN_IP`: the
 * port owner's own) and the port range it writes. Each entry is `[ip, lo, hi]`.
 */
type PoolEntry = readonly [number, number, number];

interface Pools {
  /** Source addresses and ports a rule of the port can rewrite to (going out). */
  readonly src: PoolEntry[];
  /** Destination addresses and ports a rule of the port can rewrite to (coming in). */
  readonly dst: PoolEntry[];
}

const ANY_IP = -1;
const OWN_IP = -2;

const ipNum = (ip: string | null | undefined): number => (ip ? (parseIpv4(ip) ?? ANY_IP) : ANY_IP);

/** Port ranges (with the address written) the rules of a group can rewrite a packet into. */
function groupPools(g: CGroup): Pools {
  const src: PoolEntry[] = [];
  const dst: PoolEntry[] = [];
  const seen = new Set<object>();
  for (const r of g.rules) {
    const a = r.action;
    if (seen.has(a)) continue;
    seen.add(a);
    if (a.kind === 'dynnat') src.push([ipNum(a.snatIp), a.portPool.from, a.portPool.to]);
    else if (a.kind === 'lbnat') {
      if (a.snatIp) src.push([ipNum(a.snatIp), 0, 65535]);
      for (const b of a.backends) dst.push([ipNum(b.ip), b.port, b.port]);
    } else if (a.kind === 'nat' && a.port !== null)
      (a.side === 'source' ? src : dst).push([ipNum(a.ip), a.port, a.port]);
  }
  return { src: dedupe(src), dst: dedupe(dst) };
}

/** `pools` with the owner's own addresses written as `OWN_IP` (owners then share encodings). */
function ownPools(pools: Pools, own: readonly number[]): Pools {
  const mark = (xs: PoolEntry[]): PoolEntry[] =>
    dedupe(xs.map(([ip, lo, hi]) => (own.includes(ip) ? [OWN_IP, lo, hi] : [ip, lo, hi])));
  return { src: mark(pools.src), dst: mark(pools.dst) };
}

/** Can an address written by a pool entry lie in `prefixes` (null: any address)? */
function mayContain(prefixes: readonly Cidr[] | null, ip: number, own: readonly number[]): boolean {
  if (!prefixes || ip === ANY_IP) return true;
  // The owner's own address: in any wider prefix (its class shares those atoms), or named.
  if (ip === OWN_IP)
    return prefixes.some((c) => c.bits < 32 || own.some((o) => cidrContains(c, o)));
  return prefixes.some((c) => cidrContains(c, ip));
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
function irrelevant(
  r: RuleBody,
  cc: { readonly src: readonly Cidr[] | null; readonly dst: readonly Cidr[] | null },
  dir: 'in' | 'out',
  pools: Pools,
  own: readonly number[],
): boolean {
  const ports = dir === 'out' ? r.conditions.srcPorts : r.conditions.dstPorts;
  if (!ports || covers(ports, MATRIX_SOURCE_PORT, MATRIX_SOURCE_PORT)) return false;
  const prefixes = dir === 'out' ? cc.src : cc.dst;
  return !(dir === 'out' ? pools.src : pools.dst).some(
    ([ip, lo, hi]) => covers(ports, lo, hi) && mayContain(prefixes, ip, own),
  );
}

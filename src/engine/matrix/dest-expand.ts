/**
 * Cells of destination classes (see `dest-classes.ts`) without tracing each: a cell's walk is a
 * traced walk up to the swap of source and destination identities as long as every hash-based
 * choice (backend pick, pool port) comes out the same. So per source class and destination
 * class the traced walks form a tree of choices: a node is a choice as the first walk to make
 * it made it (its arguments written as the source's own addresses, the VIP, or constants), its
 * children the outcomes (the backend reached, or "the source itself" with its whole program,
 * or the pool port), a leaf the cell. A cell is found by replaying the choices down the tree
 * (a backend pick of the column's own load balancer on the column's own list); a cell whose
 * outcomes lead nowhere yet is traced and its path added. A traced cell whose texts name the
 * class's VIPs or load balancers belongs to its own column only; a choice made by a rule of
 * another column of the class is never replayed (both are traced instead).
 */
import type { Choice } from '../choices';
import { hashStart, hashStep } from '../packet';
import type { RuleBody } from '../compile-vfp';
import { parseCidr } from '../../shared/ip';
import { maxOf, pushAll } from '../../shared/arrays';
import { picksFor, type DestClasses } from './dest-classes';
import type { OwnTokens } from './tokens';
import type { MatrixCell, MatrixDestination } from './types';

const ARG_KEPT = -1;
const ARG_VIP = -2;
/** Up to this many sources, a choice keeps each one's hash state before the VIP. */
const PREFIX_SOURCES = 4096;

/** A choice of the tree, or (`ch` null) a leaf. */
interface Node {
  readonly ch: Choice | null;
  /** Per argument: the source's own address index, `ARG_VIP`, or `ARG_KEPT`. */
  readonly roles: Int32Array | null;
  /** A backend pick of the column's own load balancer: replayed on the column's list. */
  readonly byList: boolean;
  /** Arguments before the first VIP one, and the hash state after them per source. */
  readonly split: number;
  readonly prefix: Float64Array | null;
  readonly children: Map<number, Node> | null;
  /** Leaf: the cell's index in the table. */
  readonly ci: number;
  /** Leaf: the traced cell, its source and column, and whether its texts name the class. */
  readonly cell: MatrixCell | null;
  readonly s: number;
  readonly d: number;
  readonly named: boolean;
  /** Leaf whose texts name the class: the cell index per other column (its texts swapped). */
  readonly byDest: Map<number, number> | null;
}

export interface ExpandPlan {
  readonly destinations: readonly MatrixDestination[];
  readonly tokens: readonly (OwnTokens | null)[];
  readonly programs: readonly number[];
  readonly dests: DestClasses;
}

const PROTO: Readonly<Record<string, number>> = { tcp: 6, udp: 17, icmp: 1 };
const FIELDS = ['reason', 'at', 'layer', 'group', 'rule', 'backend'] as const;
const isAlnum = (ch: number) =>
  (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

export class DestExpander {
  traces = 0;
  /** Per source class × destination class: the roots, by the source's roles and backend-ness. */
  private readonly trees = new Map<number, Map<number, Node>>();
  private readonly rolesIds = new Map<string, number>();
  private readonly rolesOf: number[] = [];
  private readonly classVips: Set<number>[];
  private readonly classTokens: Set<string>[];
  private readonly longest: number[];
  /** Backends as small ids (tree keys): address, port, the sources whose address it is. */
  private readonly backendIds = new Map<number, number>();
  private readonly backendIp: number[] = [];
  private readonly owners: (readonly number[])[] = [];
  private readonly sourcesByIp = new Map<number, number[]>();
  /** Per destination in a class: its backend list as ids. */
  private readonly lists: (Int32Array | null)[];

  constructor(
    private readonly plan: ExpandPlan,
    private readonly trace: (
      s: number,
      d: number,
    ) => { cell: MatrixCell; choices: readonly Choice[] },
    private readonly intern: (cell: MatrixCell, s: number) => number,
  ) {
    const dc = plan.dests;
    this.classVips = dc.classTokens.map(() => new Set<number>());
    dc.classOf.forEach((q, d) => {
      if (q >= 0) this.classVips[q]!.add(dc.vip[d]!);
    });
    this.classTokens = dc.classTokens.map((l) => new Set(l));
    this.longest = dc.classTokens.map((l) =>
      maxOf(
        l.map((x) => x.length),
        0,
      ),
    );
    plan.tokens.forEach((tok, src) =>
      tok?.ips.forEach((ip) => {
        const l = this.sourcesByIp.get(ip);
        if (!l) this.sourcesByIp.set(ip, [src]);
        else if (!l.includes(src)) l.push(src);
      }),
    );
    this.lists = dc.list.map((l) =>
      l ? Int32Array.from(l, (key) => this.backendId(Math.floor(key / 65536), key % 65536)) : null,
    );
  }

  private backendId(ip: number, port: number): number {
    const key = ip * 65536 + port;
    let id = this.backendIds.get(key);
    if (id === undefined) {
      id = this.backendIp.length;
      this.backendIds.set(key, id);
      this.backendIp.push(ip);
      this.owners.push(this.sourcesByIp.get(ip) ?? []);
    }
    return id;
  }

  private rolesId(s: number): number {
    let id = this.rolesOf[s];
    if (id !== undefined) return id;
    const tok = this.plan.tokens[s];
    const k = tok ? `${tok.roles.join('\u0000')}|${tok.ips.length}` : '';
    id = this.rolesIds.get(k);
    if (id === undefined) this.rolesIds.set(k, (id = this.rolesIds.size));
    this.rolesOf[s] = id;
    return id;
  }

  /**
   * Column `d` (in a destination class) for the members of source class `k`: member `i`'s cell
   * index goes to `rows[i][at]`.
   */
  fill(k: number, d: number, members: readonly number[], rows: Uint32Array[], at: number): void {
    const dc = this.plan.dests;
    const q = dc.classOf[d]!;
    const pair = k * dc.count + q;
    let roots = this.trees.get(pair);
    if (!roots) this.trees.set(pair, (roots = new Map<number, Node>()));
    const backends = dc.backendSources[d]!;
    for (let i = 0; i < members.length; i++) {
      const s = members[i]!;
      const root = this.rolesId(s) * 2 + (backends.length > 0 && backends.includes(s) ? 1 : 0);
      rows[i]![at] = this.cell(roots, root, s, d, q);
    }
  }

  private cell(roots: Map<number, Node>, root: number, s: number, d: number, q: number): number {
    let node = roots.get(root);
    while (node) {
      if (!node.ch) return !node.named || node.d === d ? node.ci : this.swapped(node, s, d);
      const o = this.replay(node, s, d);
      if (o === null) return this.alone(s, d);
      node = node.children!.get(o);
    }
    return this.insert(roots, root, s, d, q);
  }

  /**
   * A leaf's cell for column `d`: its texts with the leaf column's tokens written as `d`'s (the
   * walks are each other's up to that swap); traced when a text names `d`'s own tokens or the
   * two columns' tokens do not line up.
   */
  private swapped(leaf: Node, s: number, d: number): number {
    const hit = leaf.byDest!.get(d);
    if (hit !== undefined) return hit;
    const from = this.plan.dests.tokens[leaf.d];
    const to = this.plan.dests.tokens[d];
    let ci: number;
    if (!from || !to || from.length !== to.length) ci = this.alone(s, d);
    else {
      const c = swapCell(leaf.cell!, from, to);
      ci = c ? this.intern(c, leaf.s) : this.alone(s, d);
    }
    leaf.byDest!.set(d, ci);
    return ci;
  }

  private alone(s: number, d: number): number {
    this.traces++;
    return this.intern(this.trace(s, d).cell, s);
  }

  /** Trace (`s`, `d`) and add its path of choices under `roots`. */
  private insert(roots: Map<number, Node>, root: number, s: number, d: number, q: number): number {
    this.traces++;
    const { cell, choices } = this.trace(s, d);
    const ci = this.intern(cell, s);
    let at = roots;
    let key = root;
    for (const ch of choices) {
      let node = at.get(key);
      if (!node) {
        const made = this.node(ch, s, d, q);
        if (!made) return ci;
        at.set(key, (node = made));
      } else if (!node.ch) return ci;
      const o = this.outcomeOf(ch, s);
      // The tree's choice must replay to what this walk got; else keep the cell to itself.
      if (this.replay(node, s, d) !== o) return ci;
      at = node.children!;
      key = o;
    }
    if (!at.has(key))
      at.set(key, {
        ch: null,
        roles: null,
        byList: false,
        split: 0,
        prefix: null,
        children: null,
        ci,
        cell,
        s,
        d,
        named: this.namesClass(cell, q),
        byDest: new Map(),
      });
    return ci;
  }

  /** A tree node for choice `ch` made by (`s`, `d`); null when it cannot be replayed. */
  private node(ch: Choice, s: number, d: number, q: number): Node | null {
    const dc = this.plan.dests;
    const ips = this.plan.tokens[s]?.ips ?? [];
    const roles = new Int32Array(ch.args.length).fill(ARG_KEPT);
    ch.args.forEach((a, i) => {
      if (!(ch.ipMask & (1 << i))) return;
      const own = ips.indexOf(a);
      if (own >= 0) roles[i] = own;
      else if (a === dc.vip[d]) roles[i] = ARG_VIP;
    });
    let byList = false;
    if (ch.kind === 'backend') {
      const named = this.namedVips(ch.origin, q);
      if (named.length > 0) {
        const dst = this.plan.destinations[d]!;
        const rule = ch.origin as RuleBody;
        const cidrs = (rule.conditions?.dstPrefixes ?? []).flatMap((x) => {
          const c = parseCidr(x.includes('/') ? x : `${x}/32`);
          return c ? [c] : [];
        });
        // Only the column's own load-balancing rule is replayed on the column's list.
        if (
          named.length !== 1 ||
          named[0] !== dc.vip[d] ||
          !('conditions' in ch.origin!) ||
          !picksFor(rule, cidrs, dc.vip[d]!, dst.port, PROTO[dst.proto] ?? 0)
        )
          return null;
        const l = dc.list[d];
        if (!l || l.length !== ch.mod || !ch.pick) return null;
        const [ip, port] = ch.pick(ch.value);
        if (l[ch.value] !== ip * 65536 + port) return null;
        byList = true;
      }
    }
    const vipAt = roles.indexOf(ARG_VIP);
    return {
      ch,
      roles,
      byList,
      split: vipAt < 0 ? roles.length : vipAt,
      // Per source, NaN until computed (only for a modest number of sources).
      prefix:
        this.plan.tokens.length <= PREFIX_SOURCES
          ? new Float64Array(this.plan.tokens.length).fill(NaN)
          : null,
      children: new Map(),
      ci: -1,
      cell: null,
      s: -1,
      d: -1,
      named: false,
      byDest: null,
    };
  }

  /** The class's VIPs that the rule or proxy behind a choice names. */
  private namedVips(origin: object | null, q: number): number[] {
    if (!origin) return [];
    const vips = this.classVips[q]!;
    const texts: string[] = [];
    if ('conditions' in origin) {
      const c = (origin as RuleBody).conditions;
      pushAll(texts, c.srcPrefixes ?? []);
      pushAll(texts, c.dstPrefixes ?? []);
    } else if ('listenIp' in origin) texts.push(String(origin.listenIp));
    const out: number[] = [];
    for (const x of texts) {
      const c = parseCidr(x.includes('/') ? x : `${x}/32`);
      if (c && c.bits === 32 && vips.has(c.base) && !out.includes(c.base)) out.push(c.base);
    }
    return out;
  }

  /** What a walk's choice got, as a tree key. */
  private outcomeOf(ch: Choice, s: number): number {
    if (ch.kind === 'port' || !ch.pick) return ch.value;
    const [ip, port] = ch.pick(ch.value);
    return this.backendKey(this.backendId(ip, port), s);
  }

  /** A backend as a tree key: its id, or (picked as its own backend) the source's role. */
  private backendKey(id: number, s: number): number {
    const owners = this.owners[id]!;
    if (owners.length === 0 || !owners.includes(s)) return id;
    const own = this.plan.tokens[s]!.ips.indexOf(this.backendIp[id]!);
    // The rules left out of its class key may matter too, unless they all name VIPs only
    // (see `DestClasses.selfClean`); else its whole program does.
    return this.plan.dests.selfClean[s]
      ? -1 - own
      : -1 - own - 64 * (1 + Math.max(0, this.plan.programs[s]!));
  }

  /** Choice `n` replayed for (`s`, `d`) as a tree key; null when it cannot be. */
  private replay(n: Node, s: number, d: number): number | null {
    const ch = n.ch!;
    const roles = n.roles!;
    const ips = this.plan.tokens[s]?.ips;
    const len = ch.args.length;
    // The hash state after the arguments before the VIP depends on the source alone: kept.
    let h = n.prefix ? n.prefix[s]! : NaN;
    if (h !== h) {
      h = hashStart(ch.seed);
      for (let i = 0; i < n.split; i++) {
        const r = roles[i]!;
        const v = r >= 0 ? ips?.[r] : ch.args[i];
        if (v === undefined) return null;
        h = hashStep(h, v);
      }
      if (n.prefix) n.prefix[s] = h;
    }
    for (let i = n.split; i < len; i++) {
      const r = roles[i]!;
      const v = r === ARG_VIP ? this.plan.dests.vip[d]! : r >= 0 ? ips?.[r] : ch.args[i];
      if (v === undefined) return null;
      h = hashStep(h, v);
    }
    if (n.byList) {
      const l = this.lists[d];
      if (!l || l.length === 0) return null;
      return this.backendKey(l[modU32(h, l.length)]!, s);
    }
    const v = ch.offset + (h % ch.mod);
    if (ch.kind === 'port' || !ch.pick) return v;
    const [ip, port] = ch.pick(v);
    return this.backendKey(this.backendId(ip, port), s);
  }

  /** Does a text of `c` name one of class `q`'s tokens (as a whole word)? */
  private namesClass(c: MatrixCell, q: number): boolean {
    const toks = this.classTokens[q]!;
    const max = this.longest[q]!;
    return FIELDS.some((f) => {
      const v = c[f];
      if (v === null) return false;
      for (let p = 0; p < v.length; p++) {
        if (!isAlnum(v.charCodeAt(p)) || (p > 0 && isAlnum(v.charCodeAt(p - 1)))) continue;
        for (let e = p + 1; e <= v.length && e - p <= max; e++)
          if ((e === v.length || !isAlnum(v.charCodeAt(e))) && toks.has(v.slice(p, e))) return true;
      }
      return false;
    });
  }
}

/** `c` with `from`'s tokens written as `to`'s (whole words); null when it names `to`'s. */
function swapCell(
  c: MatrixCell,
  from: readonly string[],
  to: readonly string[],
): MatrixCell | null {
  const out: Record<string, unknown> = { ...c };
  for (const f of FIELDS) {
    const v = c[f];
    if (v === null) continue;
    const w = swapWords(v, from, to);
    if (w === null) return null;
    out[f] = w;
  }
  return out as unknown as MatrixCell;
}

function swapWords(text: string, from: readonly string[], to: readonly string[]): string | null {
  let max = 0;
  for (const x of from) max = Math.max(max, x.length);
  for (const x of to) max = Math.max(max, x.length);
  let out = '';
  let last = 0;
  for (let p = 0; p < text.length; p++) {
    if (!isAlnum(text.charCodeAt(p)) || (p > 0 && isAlnum(text.charCodeAt(p - 1)))) continue;
    // The longest token starting here that ends at a word boundary.
    for (let e = Math.min(text.length, p + max); e > p; e--) {
      if (e < text.length && isAlnum(text.charCodeAt(e))) continue;
      const w = text.slice(p, e);
      const i = from.indexOf(w);
      if (i < 0) {
        if (to.includes(w) && !from.includes(w)) return null;
        continue;
      }
      out += text.slice(last, p) + to[i]!;
      last = e;
      p = e - 1;
      break;
    }
  }
  return out + text.slice(last);
}

/** `h % n` for a 32-bit unsigned `h` and a small `n`, in small-integer arithmetic. */
function modU32(h: number, n: number): number {
  return n < 32768 ? ((h >>> 16) * (65536 % n) + (h & 0xffff)) % n : h % n;
}

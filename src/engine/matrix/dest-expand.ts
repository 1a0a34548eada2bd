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
import { hashList } from '../packet';
import type { RuleBody } from '../compile-vfp';
import { parseCidr } from '../../shared/ip';
import { maxOf, pushAll } from '../../shared/arrays';
import { picksFor, type DestClasses } from './dest-classes';
import type { OwnTokens } from './tokens';
import type { MatrixCell, MatrixDestination } from './types';

const ARG_KEPT = -1;
const ARG_VIP = -2;

/** A choice of the tree, or (`ch` null) a leaf. */
interface Node {
  readonly ch: Choice | null;
  /** Per argument: the source's own address index, `ARG_VIP`, or `ARG_KEPT`. */
  readonly roles: Int32Array | null;
  /** A backend pick of the column's own load balancer: replayed on the column's list. */
  readonly byList: boolean;
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
const scratch: number[] = [];
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

  /** The cell index of (`s`, `d`) for `s` in source class `k`; `d` in a destination class. */
  cell(k: number, s: number, d: number): number {
    const dc = this.plan.dests;
    const q = dc.classOf[d]!;
    const pair = k * dc.count + q;
    let roots = this.trees.get(pair);
    if (!roots) this.trees.set(pair, (roots = new Map<number, Node>()));
    const root = this.rolesId(s) * 2 + (dc.backendSources[d]!.includes(s) ? 1 : 0);
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
    return {
      ch,
      roles,
      byList,
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
    return this.backendKey(ip, port, s);
  }

  private backendKey(ip: number, port: number, s: number): number {
    const own = this.plan.tokens[s]?.ips.indexOf(ip) ?? -1;
    // Picked as its own backend: the rules left out of its class key may matter too, unless
    // they all name VIPs only (see `DestClasses.selfClean`); else its whole program does.
    if (own >= 0)
      return this.plan.dests.selfClean[s]
        ? -1 - own
        : -1 - own - 64 * (1 + Math.max(0, this.plan.programs[s]!));
    return ip * 65536 + port;
  }

  /** Choice `n` replayed for (`s`, `d`) as a tree key; null when it cannot be. */
  private replay(n: Node, s: number, d: number): number | null {
    const ch = n.ch!;
    const roles = n.roles!;
    const ips = this.plan.tokens[s]?.ips;
    const len = ch.args.length;
    for (let i = 0; i < len; i++) {
      const r = roles[i]!;
      if (r >= 0) {
        const v = ips?.[r];
        if (v === undefined) return null;
        scratch[i] = v;
      } else scratch[i] = r === ARG_VIP ? this.plan.dests.vip[d]! : ch.args[i]!;
    }
    const h = hashList(ch.seed, scratch, len);
    if (n.byList) {
      const l = this.plan.dests.list[d];
      if (!l || l.length === 0) return null;
      const key = l[h % l.length]!;
      return this.backendKey(Math.floor(key / 65536), key % 65536, s);
    }
    const v = ch.offset + (h % ch.mod);
    if (ch.kind === 'port' || !ch.pick) return v;
    const [ip, port] = ch.pick(v);
    return this.backendKey(ip, port, s);
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

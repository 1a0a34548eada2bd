/** A traced cell and the hash choices its walk made. */
type Traced = { cell: MatrixCell; choices: readonly Choice[] };

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
import { hashStep } from '../packet';
import type { DestClasses } from './dest-classes';
import type { OwnTokens } from './tokens';
import { LeafTexts } from './dest-leaf-texts';
import { backendPodKey, plainSources } from './pod-columns';
import { treeNode } from './dest-nodes';
import {
  ARG_VIP,
  columnArgs,
  columnSlots,
  DENSE,
  fastCells,
  leafNode,
  lowSlots,
  modU32,
  prefixOf,
  setChild,
  slotScratch,
  type Groups,
  type Node,
} from './dest-tree';
import type { MatrixCell, MatrixDestination } from './types';

export interface ExpandPlan {
  readonly destinations: readonly MatrixDestination[];
  readonly classes: readonly (readonly number[])[];
  readonly tokens: readonly (OwnTokens | null)[];
  readonly programs: readonly number[];
  readonly dests: DestClasses;
}

export class DestExpander {
  traces = 0;
  /** Per source class × destination class: the roots, by the source's roles and backend-ness. */
  private readonly trees = new Map<number, Map<number, Node>>();
  private readonly rolesIds = new Map<string, number>();
  private readonly rolesOf: number[] = [];
  /** Per class: its columns' VIPs, made when the first tree node is. */
  private readonly classVips: Set<number>[] = [];
  private readonly texts: LeafTexts;
  /** Backends as small ids (tree keys): address, port, the sources whose address it is. */
  private readonly backendIds = new Map<number, number>();
  private readonly backendIp: number[] = [];
  private readonly owners: (readonly number[])[] = [];
  /** Per backend id: its one owner source, -1 for none, -2 for several. */
  private readonly ownerOf: number[] = [];
  private readonly sourcesByIp = new Map<number, number[]>();
  /** Per destination in a class: its backend list as ids. */
  private readonly lists: (Int32Array | null)[];
  /** Per source class: its members grouped by roles (see `groupsOf`). */
  private readonly groups = new Map<number, Groups>();
  /** Per backend id: its pod key (see `backendPodKey`; -1: none), and per root its leaves by it. */
  private readonly podKey: number[] = [];
  private readonly podKeyOf: (owner: number, ip: number, port: number) => number;
  private readonly plain: Uint8Array;
  private readonly siblings = new WeakMap<Node, Map<number, number>>();
  private readonly sl = slotScratch(0);

  constructor(
    private readonly plan: ExpandPlan,
    private readonly trace: (s: number, d: number) => Traced,
    private readonly intern: (cell: MatrixCell, s: number) => number,
    /** Is cell `ci`, as source `s` made it, a template kept to `s` (never a leaf others take)? */
    private readonly kept: (ci: number, s: number) => boolean,
  ) {
    const dc = plan.dests;
    this.texts = new LeafTexts(dc, plan.tokens);
    plan.tokens.forEach((tok, src) =>
      tok?.ips.forEach((ip) => {
        const l = this.sourcesByIp.get(ip);
        if (!l) this.sourcesByIp.set(ip, [src]);
        else if (!l.includes(src)) l.push(src);
      }),
    );
    this.plain = plainSources(plan.tokens);
    this.podKeyOf = backendPodKey(plan, this.plain);
    // A loop, not `Int32Array.from` with a map function (which iterates: 5,000 lists a plan).
    this.lists = dc.list.map((l) => {
      if (!l) return null;
      const ids = new Int32Array(l.length);
      for (let x = 0; x < l.length; x++)
        ids[x] = this.backendId(Math.floor(l[x]! / 65536), l[x]! % 65536);
      return ids;
    });
  }

  private backendId(ip: number, port: number): number {
    const key = ip * 65536 + port;
    let id = this.backendIds.get(key);
    if (id === undefined) {
      id = this.backendIp.length;
      this.backendIds.set(key, id);
      this.backendIp.push(ip);
      const owners = this.sourcesByIp.get(ip) ?? [];
      this.owners.push(owners);
      this.ownerOf.push(owners.length === 0 ? -1 : owners.length === 1 ? owners[0]! : -2);
      this.podKey.push(owners.length === 1 ? this.podKeyOf(owners[0]!, ip, port) : -1);
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

  /** Source class `k`'s members grouped by roles, and where each member is. */
  private groupsOf(k: number, members: readonly number[]): Groups {
    let g = this.groups.get(k);
    if (g && g.members === members) return g;
    const byRoles = new Map<number, number[]>();
    const index = new Map<number, number>();
    const root = new Int32Array(members.length);
    members.forEach((s, i) => {
      const r = this.rolesId(s) * 2;
      root[i] = r;
      index.set(s, i);
      const l = byRoles.get(r);
      if (l) l.push(i);
      else byRoles.set(r, [i]);
    });
    g = {
      members,
      keys: [...byRoles.keys()],
      idx: [...byRoles.values()].map((l) => Int32Array.from(l)),
      root,
      index,
      apart: new Uint8Array(members.length),
    };
    this.groups.set(k, g);
    return g;
  }

  /**
   * Column `d` (in a destination class) for the members of source class `k`: member `i`'s cell
   * index goes to `out[i * width + at]` (rows of `width` in one buffer, written in place). Members
   * with the same roles share the tree's root, so their cells are found in one loop
   * (`fillGroup`); the column's own backends (another root) after.
   */
  fill(
    k: number,
    d: number,
    members: readonly number[],
    out: Uint32Array,
    width: number,
    at: number,
  ): void {
    const dc = this.plan.dests;
    const q = dc.classOf[d]!;
    const pair = k * dc.count + q;
    let roots = this.trees.get(pair);
    if (!roots) this.trees.set(pair, (roots = new Map<number, Node>()));
    const g = this.groupsOf(k, members);
    const backends = dc.backendSources[d]!;
    const apart = g.apart;
    for (const s of backends) {
      const i = g.index.get(s);
      if (i !== undefined) apart[i] = 1;
    }
    for (let j = 0; j < g.keys.length; j++)
      this.fillGroup(roots, g.keys[j]!, g.idx[j]!, members, apart, out, width, at, d, q);
    for (const s of backends) {
      const i = g.index.get(s);
      if (i === undefined || apart[i] === 0) continue;
      apart[i] = 0;
      out[i * width + at] = this.cell(roots, g.root[i]! + 1, s, d, q);
    }
  }

  /**
   * The members `idx` (under root `key`, leaving out those marked `apart`) for column `d`: the
   * root's choice replayed in one loop, the hash state before the VIP kept per source and the
   * arguments after it taken once per column; anything else goes the general way (`cell`).
   */
  private fillGroup(
    roots: Map<number, Node>,
    key: number,
    idx: Int32Array,
    members: readonly number[],
    apart: Uint8Array,
    out: Uint32Array,
    width: number,
    at: number,
    d: number,
    q: number,
  ): void {
    const n = idx.length;
    let j = 0;
    let root = roots.get(key);
    // No tree yet: the first member's trace makes it.
    for (; !root && j < n; j++) {
      const i = idx[j]!;
      if (apart[i] === 0) {
        out[i * width + at] = this.insert(roots, key, members[i]!, d, q);
        root = roots.get(key);
      }
    }
    if (!root) return;
    const list = root.byList ? this.lists[d] : null;
    const args = root.ch ? columnArgs(root, d, this.plan.dests.vip[d]!) : null;
    if (!root.ch || !args || (root.byList && (!list || list.length === 0))) {
      for (; j < n; j++) {
        const i = idx[j]!;
        if (apart[i] === 0)
          out[i * width + at] = this.walkFrom(root, roots, key, members[i]!, d, q);
      }
      return;
    }
    const prefix = root.prefix;
    const dense = root.dense!;
    const children = root.children!;
    const ownerOf = this.ownerOf;
    const len = args.length;
    const L = list ? list.length : 0;
    // `h % L` for a 32-bit unsigned `h` in small-integer arithmetic (a mask when L is a power of 2).
    const mask = L > 0 && (L & (L - 1)) === 0 ? L - 1 : -1;
    const high = L > 0 && L < 32768 ? 65536 % L : -1;
    // Per slot of the column's list: the leaf it leads to, and its backend's owner.
    const sl = this.slots(L);
    const slotCi = sl.ci;
    const slotOwner = sl.owner;
    if (list) columnSlots(list, dense, children, ownerOf, d, slotCi, slotOwner);
    // A list of 2^k slots and more members than slots: each member's slot from a table.
    sl.low = list && prefix && mask >= 0 && L <= n - j ? lowSlots(args, L, sl.lowBuf) : null;
    for (; j < n; j++) {
      // Most members: a hash and a slot read (see `fastCells`), up to one that needs more.
      if (list && prefix) {
        j = fastCells(idx, j, apart, members, prefix, out, width, at, args, L, sl);
        if (j >= n) break;
      }
      const i = idx[j]!;
      if (apart[i] !== 0) continue;
      const s = members[i]!;
      let h = prefix ? prefix[s]! : NaN;
      if (h !== h) h = prefixOf(root, this.plan.tokens[s]?.ips, s);
      if (h < 0) {
        out[i * width + at] = this.alone(s, d);
        continue;
      }
      for (let a = 0; a < len; a++) h = hashStep(h, args[a]!);
      let o: number;
      // The slot of the column's list whose leaf is made here, for the members after this one.
      let made = -1;
      if (list) {
        const x = mask >= 0 ? h & mask : high >= 0 ? ((h >>> 16) * high + (h & 0xffff)) % L : h % L;
        const w = slotOwner[x]!;
        const own = w === -1 || (w >= 0 && w !== s);
        const ci = slotCi[x]!;
        if (own && ci >= 0) {
          out[i * width + at] = ci;
          continue;
        }
        const id = list[x]!;
        o = own ? id : this.backendKey(id, s);
        if (own) made = x;
      } else o = this.outcome(root, h, s);
      const c = o >= 0 && o < DENSE ? dense[o] : children.get(o);
      out[i * width + at] =
        c === undefined
          ? this.missing(root, roots, key, o, s, d, q)
          : c.ch === null
            ? !c.named || c.d === d
              ? c.ci
              : this.swapped(c, s, d)
            : this.walkFrom(c, roots, key, s, d, q);
      if (made >= 0 && c === undefined) {
        const leaf = o < DENSE ? dense[o] : children.get(o);
        if (leaf?.ch === null && (!leaf.named || leaf.d === d)) slotCi[made] = leaf.ci;
      }
    }
  }

  /** Scratch per slot of a column's backend list (see `fillGroup`), at least `n` long. */
  private slots(n: number) {
    if (this.sl.ci.length < n) Object.assign(this.sl, slotScratch(n));
    return this.sl;
  }

  private cell(roots: Map<number, Node>, root: number, s: number, d: number, q: number): number {
    return this.walkFrom(roots.get(root), roots, root, s, d, q);
  }

  /** Down the tree from `node` for (`s`, `d`); traced and added when the path ends. */
  private walkFrom(
    node: Node | undefined,
    roots: Map<number, Node>,
    root: number,
    s: number,
    d: number,
    q: number,
  ): number {
    const top = node;
    let o: number | null = null;
    let depth = 0;
    while (node) {
      if (!node.ch) return !node.named || node.d === d ? node.ci : this.swapped(node, s, d);
      o = this.replay(node, s, d);
      if (o === null) return this.alone(s, d);
      node = o >= 0 && o < DENSE ? node.dense![o] : node.children!.get(o);
      depth++;
    }
    // The root's own child missing: perhaps another backend pod's leaf stands for it.
    if (depth === 1 && top && top === roots.get(root))
      return this.missing(top, roots, root, o!, s, d, q);
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
    const c = this.texts.forColumn(leaf, d);
    const made = c ? this.intern(c, leaf.s) : -1;
    const alone = made < 0 || this.kept(made, leaf.s);
    const ci = alone ? this.alone(s, d) : made;
    if (!alone || !this.kept(ci, s)) leaf.byDest!.set(d, ci);
    return ci;
  }

  private alone(s: number, d: number): number {
    this.traces++;
    return this.intern(this.trace(s, d).cell, s);
  }

  /**
   * A root's child `o` (a backend) that is not there yet: written from a leaf of another
   * backend whose pod is its pod's swap (`backendPodKey`), when the leaf's walk made only the
   * root's choice and its source is neither pod; else traced (`insert`).
   */
  private missing(
    root: Node,
    roots: Map<number, Node>,
    key: number,
    o: number,
    s: number,
    d: number,
    q: number,
  ): number {
    const pk = o >= 0 ? (this.podKey[o] ?? -1) : -1;
    let sibs = pk >= 0 ? this.siblings.get(root) : undefined;
    if (pk >= 0 && !sibs) this.siblings.set(root, (sibs = new Map<number, number>()));
    const k0 = sibs?.get(pk);
    const sib = k0 !== undefined ? root.children!.get(k0) : undefined;
    if (sib && sib.ch === null) {
      const b0 = this.ownerOf[k0!]!;
      const b = this.ownerOf[o]!;
      const from = this.plan.tokens[b0];
      const to = this.plan.tokens[b];
      const c =
        sib.s !== b0 && sib.s !== b && this.plain[sib.s] === 1 && from && to
          ? this.texts.forPod(sib, from, to)
          : null;
      const ci = c ? this.intern(c, sib.s) : -1;
      if (c && !this.kept(ci, sib.s)) {
        const leaf = leafNode(ci, c, sib.s, sib.d, this.texts.namesClass(c, q));
        setChild(root, root.children!, o, leaf);
        return !leaf.named || leaf.d === d ? leaf.ci : this.swapped(leaf, s, d);
      }
    }
    const ci = this.insert(roots, key, s, d, q);
    if (sibs && !sibs.has(pk) && root.children!.get(o)?.ch === null) sibs.set(pk, o);
    return ci;
  }

  /** Trace (`s`, `d`) and add its path of choices under `roots`. */
  private insert(roots: Map<number, Node>, root: number, s: number, d: number, q: number): number {
    this.traces++;
    const { cell, choices } = this.trace(s, d);
    const ci = this.intern(cell, s);
    if (this.kept(ci, s)) return ci;
    let at = roots;
    let parent: Node | null = null;
    let key = root;
    for (const ch of choices) {
      let node = at.get(key);
      if (!node) {
        const made = this.node(ch, s, d, q);
        if (!made) return ci;
        setChild(parent, at, key, (node = made));
      } else if (!node.ch) return ci;
      const o = this.outcomeOf(ch, s);
      // The tree's choice must replay to what this walk got; else keep the cell to itself.
      if (this.replay(node, s, d) !== o) return ci;
      parent = node;
      at = node.children!;
      key = o;
    }
    if (!at.has(key))
      setChild(parent, at, key, leafNode(ci, cell, s, d, this.texts.namesClass(cell, q)));
    return ci;
  }

  /** A tree node for choice `ch` made by (`s`, `d`); null when it cannot be replayed. */
  private node(ch: Choice, s: number, d: number, q: number): Node | null {
    const dc = this.plan.dests;
    if (this.classVips.length === 0) {
      for (let x = 0; x < dc.count; x++) this.classVips.push(new Set<number>());
      dc.classOf.forEach((x, col) => {
        if (x >= 0) this.classVips[x]!.add(dc.vip[col]!);
      });
    }
    return treeNode(this.plan, this.classVips[q]!, ch, s, d);
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

  /** The tree key of choice `n` given its final hash state `h` (not a pick by list). */
  private outcome(n: Node, h: number, s: number): number {
    const ch = n.ch!;
    const v = ch.offset + (h % ch.mod);
    if (ch.kind === 'port' || !ch.pick) return v;
    const [ip, port] = ch.pick(v);
    return this.backendKey(this.backendId(ip, port), s);
  }

  /** Choice `n` replayed for (`s`, `d`) as a tree key; null when it cannot be. */
  private replay(n: Node, s: number, d: number): number | null {
    let h = prefixOf(n, this.plan.tokens[s]?.ips, s);
    if (h < 0) return null;
    const args = columnArgs(n, d, this.plan.dests.vip[d]!);
    if (args) for (let a = 0; a < args.length; a++) h = hashStep(h, args[a]!);
    else {
      const ch = n.ch!;
      const roles = n.roles!;
      const ips = this.plan.tokens[s]?.ips;
      for (let i = n.split; i < roles.length; i++) {
        const r = roles[i]!;
        const v = r === ARG_VIP ? this.plan.dests.vip[d]! : r >= 0 ? ips?.[r] : ch.args[i];
        if (v === undefined) return null;
        h = hashStep(h, v);
      }
    }
    if (n.byList) {
      const l = this.lists[d];
      if (!l || l.length === 0) return null;
      return this.backendKey(l[modU32(h, l.length)]!, s);
    }
    return this.outcome(n, h, s);
  }
}

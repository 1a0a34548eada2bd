/**
 * The trees of `dest-expand.ts`: a node is a hash-based choice as the first walk to make it
 * made it, its children the outcomes, a leaf the cell. Replaying a choice for a source and a
 * column hashes its arguments in order: those before the column's VIP depend on the source
 * alone (the state after them is kept per source), those from the VIP on on the column alone
 * (taken once per column), so a column's cells cost one short hash each.
 */
import type { Choice } from '../choices';
import { hashStart, hashStep } from '../packet';
import type { MatrixCell } from './types';

export const ARG_KEPT = -1;
/** Children under keys below this are also kept by index (`Node.dense`). */
export const DENSE = 1 << 16;
export const ARG_VIP = -2;
/** Up to this many sources, a choice keeps each one's hash state before the VIP. */
const PREFIX_SOURCES = 4096;

/** A choice of the tree, or (`ch` null) a leaf. */
export interface Node {
  readonly ch: Choice | null;
  /** Per argument: the source's own address index, `ARG_VIP`, or `ARG_KEPT`. */
  readonly roles: Int32Array | null;
  /** A backend pick of the column's own load balancer: replayed on the column's list. */
  readonly byList: boolean;
  /** Arguments before the first VIP one, and the hash state after them per source. */
  readonly split: number;
  readonly prefix: Float64Array | null;
  readonly children: Map<number, Node> | null;
  /** The children under keys 0 ≤ key < `DENSE` (backend ids, small port values), by index. */
  readonly dense: (Node | undefined)[] | null;
  /** Some argument after the VIP is the source's own address (no per-column suffix). */
  readonly ownSuffix: boolean;
  /** The arguments from `split` on for column `colD` (see `columnArgs`). */
  readonly colArgs: Float64Array | null;
  colD: number;
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

/** A leaf: cell `ci` as traced for (`s`, `d`); `named`: its texts name the class. */
export function leafNode(ci: number, cell: MatrixCell, s: number, d: number, named: boolean): Node {
  return {
    ch: null,
    roles: null,
    byList: false,
    split: 0,
    prefix: null,
    children: null,
    dense: null,
    ownSuffix: false,
    colArgs: null,
    colD: -1,
    ci,
    cell,
    s,
    d,
    named,
    byDest: new Map(),
  };
}

/** A choice node (`roles` per argument; `sources`: how many sources the plan has). */
export function choiceNode(ch: Choice, roles: Int32Array, byList: boolean, sources: number): Node {
  const vipAt = roles.indexOf(ARG_VIP);
  const split = vipAt < 0 ? roles.length : vipAt;
  return {
    ch,
    roles,
    byList,
    split,
    // Per source, NaN until computed (only for a modest number of sources).
    prefix: sources <= PREFIX_SOURCES ? new Float64Array(sources).fill(NaN) : null,
    children: new Map(),
    dense: [],
    ownSuffix: roles.subarray(split).some((r) => r >= 0),
    colArgs: new Float64Array(roles.length - split),
    colD: -1,
    ci: -1,
    cell: null,
    s: -1,
    d: -1,
    named: false,
    byDest: null,
  };
}

/** Add `child` under `key` (`at` is `parent`'s children, or the roots when it is null). */
export function setChild(
  parent: Node | null,
  at: Map<number, Node>,
  key: number,
  child: Node,
): void {
  at.set(key, child);
  if (parent && key >= 0 && key < DENSE) parent.dense![key] = child;
}

/**
 * The hash state of choice `n` after its arguments before the VIP, for a source with own
 * addresses `ips` (kept under `s` when given); -1 when the source lacks an address it needs.
 */
export function prefixOf(n: Node, ips: readonly number[] | undefined, s = -1): number {
  if (n.prefix && s >= 0) {
    const h = n.prefix[s]!;
    if (h === h) return h;
  }
  const ch = n.ch!;
  const roles = n.roles!;
  let h = hashStart(ch.seed);
  for (let i = 0; i < n.split; i++) {
    const r = roles[i]!;
    const v = r >= 0 ? ips?.[r] : ch.args[i];
    if (v === undefined) return -1;
    h = hashStep(h, v);
  }
  if (n.prefix && s >= 0) n.prefix[s] = h;
  return h;
}

/** Choice `n`'s arguments from the VIP on for column `d` (VIP `vip`); null when one is the source's own. */
export function columnArgs(n: Node, d: number, vip: number): Float64Array | null {
  if (n.ownSuffix) return null;
  const out = n.colArgs!;
  if (n.colD === d) return out;
  const ch = n.ch!;
  const roles = n.roles!;
  for (let i = n.split; i < roles.length; i++)
    out[i - n.split] = roles[i] === ARG_VIP ? vip : ch.args[i]!;
  n.colD = d;
  return out;
}

/**
 * What a column's backend list slots give without a source (see `fillGroup`): per slot, the
 * cell of the leaf its backend leads straight to (-1: none, or a leaf of another column whose
 * texts name the class) in `slotCi`, and its backend's one owner in `slotOwner` (as
 * `ownerOf`: -1 none, -2 several; a member that owner is goes the general way).
 */
export function columnSlots(
  list: Int32Array,
  dense: readonly (Node | undefined)[],
  children: ReadonlyMap<number, Node>,
  ownerOf: readonly number[],
  d: number,
  slotCi: Int32Array,
  slotOwner: Int32Array,
): void {
  for (let x = 0; x < list.length; x++) {
    const id = list[x]!;
    const c = id < DENSE ? dense[id] : children.get(id);
    slotOwner[x] = ownerOf[id]!;
    slotCi[x] = c !== undefined && c.ch === null && (!c.named || c.d === d) ? c.ci : -1;
  }
}

/**
 * For a backend list of `L` = 2^k slots: the slot each value of a source's hash state's low k
 * bits leads to, after the column's arguments `args` (into `out`, `L` long). FNV-1a steps xor
 * bytes in and multiply by an odd number modulo 2^32, so the low k bits of the state after them
 * depend only on the low k bits before: the slot of every source is `out[prefix & (L - 1)]`.
 */
export function lowSlots(args: Float64Array, L: number, out: Int32Array): Int32Array {
  const mask = L - 1;
  for (let p = 0; p < L; p++) {
    let h = p;
    for (let a = 0; a < args.length; a++) h = hashStep(h, args[a]!);
    out[p] = h & mask;
  }
  return out;
}

/** Scratch per slot of a column's backend list (see `columnSlots`, `lowSlots`, `fastCells`). */
export interface Slots {
  ci: Int32Array;
  owner: Int32Array;
  /** `lowSlots` for the column at hand, or null; `lowBuf` holds it. */
  low: Int32Array | null;
  lowBuf: Int32Array;
}

export const slotScratch = (n: number): Slots => ({
  ci: new Int32Array(n),
  owner: new Int32Array(n),
  low: null,
  lowBuf: new Int32Array(n),
});

/**
 * Cells of the members `idx[j…]` (as `fillGroup`, leaving out those marked `apart`) taken from
 * the column's slots alone: the hash state before the VIP kept per source (`prefix`), then the
 * column's arguments (or, given `sl.low`, the slot its low bits lead to: `lowSlots`), then the
 * slot's leaf. Returns the index in `idx` of the first member that needs more (its hash state
 * not kept yet, a slot without a leaf, or the slot's backend its own), or `idx.length`. Small
 * and monomorphic, so it stays optimised.
 */
export function fastCells(
  idx: Int32Array,
  j: number,
  apart: Uint8Array,
  members: readonly number[],
  prefix: Float64Array,
  out: Uint32Array,
  width: number,
  at: number,
  args: Float64Array,
  L: number,
  sl: Slots,
): number {
  const slotCi = sl.ci;
  const slotOwner = sl.owner;
  const low = sl.low;
  const n = idx.length;
  const len = args.length;
  const mask = (L & (L - 1)) === 0 ? L - 1 : -1;
  const high = L < 32768 ? 65536 % L : -1;
  for (; j < n; j++) {
    const i = idx[j]!;
    if (apart[i] !== 0) continue;
    const s = members[i]!;
    let h = prefix[s]!;
    if (h !== h) return j;
    let x: number;
    if (low !== null) x = low[h & mask]!;
    else {
      for (let a = 0; a < len; a++) h = hashStep(h, args[a]!);
      x = mask >= 0 ? h & mask : high >= 0 ? ((h >>> 16) * high + (h & 0xffff)) % L : h % L;
    }
    const ci = slotCi[x]!;
    const w = slotOwner[x]!;
    if (ci < 0 || w === -2 || w === s) return j;
    out[i * width + at] = ci;
  }
  return n;
}

/** A source class's members by roles (the tree roots they start from). */
export interface Groups {
  readonly members: readonly number[];
  /** Per group: its root key (roles id × 2) and its members as indexes into `members`. */
  readonly keys: readonly number[];
  readonly idx: readonly Int32Array[];
  /** Per member: its root key; where each source is among the members. */
  readonly root: Int32Array;
  readonly index: Map<number, number>;
  /** Scratch: members taken apart for the column at hand (its own backends). */
  readonly apart: Uint8Array;
}

/** `h % n` for a 32-bit unsigned `h` and a small `n`, in small-integer arithmetic. */
export function modU32(h: number, n: number): number {
  return n < 32768 ? ((h >>> 16) * (65536 % n) + (h & 0xffff)) % n : h % n;
}

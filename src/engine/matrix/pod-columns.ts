/**
 * Pod columns as destination classes. A pod column (`b:port/proto`) is another pod column
 * (`b0:port/proto`) up to the swap of the two pods' identities when b0 and b are in one source
 * class (the same programs up to their own identity, mentioned the same way everywhere else,
 * inside the same wider prefixes) and both are `selfClean` (every rule left out of their class
 * keys matches only packets to VIPs no rule rewrites a packet to, and no rule elsewhere names
 * them only as a backend): swapping b0 and b then leaves everything a packet to either can meet
 * unchanged, apart from load-balancer backend lists, which only a hash-based choice reads. So a
 * source's walk to b0 that made no such choice is its walk to b with b0's tokens written as b's,
 * for any source that is neither of them (`compute.ts` keeps, per source class, the cells of
 * the first two such columns and their sources' walks' choice-freeness, and writes the others'
 * from them; a source that is b0 takes the other reference column's cell).
 */
import { parseIpv4 } from '../../shared/ip';
import type { OwnTokens } from './tokens';
import { applySwap, cellSwap, type CellSwap } from './dest-texts';
import type { MatrixCell, MatrixDestination } from './types';

export interface PodColumns {
  /** Per destination: its pod-column class (-1: none), and the source whose address it is. */
  readonly key: Int32Array;
  readonly pod: Int32Array;
  readonly tokens: readonly (OwnTokens | null)[];
  /**
   * Per source: none of its tokens is another source's (a template of its cells then writes
   * only its own identity as placeholders, and a swap of two pods' tokens is unambiguous).
   */
  readonly plain: Uint8Array;
  /** Cells with one pod's tokens written as another's (see `swappedPodCell`). */
  readonly swaps: Map<number | string, number>;
  /** Per cell and pod it names: its texts cut at the pod's tokens; the longest token of all. */
  readonly cuts: Map<number | string, CellSwap>;
  readonly longest: number;
  /** The last swap asked for: most members of a class ask for the same one in turn. */
  readonly last: { ci: number; from: number; to: number; out: number };
}

/** Per destination: its address as a number (-1: none); a classed column's is its VIP. */
export function columnIps(plan: {
  readonly destinations: readonly MatrixDestination[];
  readonly dests: { readonly vip: readonly number[] };
}): Int32Array {
  const vip = plan.dests.vip;
  return Int32Array.from(plan.destinations, (x, d) =>
    vip[d]! >= 0 ? vip[d]! : (parseIpv4(x.ip) ?? -1),
  );
}

/** The pod-column classes of a plan (see above); `dstIps`: each column's address (-1: none). */
export function podColumns(
  plan: {
    readonly destinations: readonly MatrixDestination[];
    readonly classes: readonly (readonly number[])[];
    readonly tokens: readonly (OwnTokens | null)[];
    readonly dests: { readonly selfClean: readonly boolean[] };
  },
  dstIps: Int32Array,
): PodColumns {
  const n = plan.destinations.length;
  const key = new Int32Array(n).fill(-1);
  const pod = new Int32Array(n).fill(-1);
  const classOf = new Int32Array(plan.tokens.length).fill(-1);
  plan.classes.forEach((members, k) => members.forEach((s) => (classOf[s] = k)));
  // Sources by own address; an address two sources hold names neither.
  const byIp = new Map<number, number>();
  plan.tokens.forEach((tok, s) =>
    tok?.ips.forEach((ip) => byIp.set(ip, byIp.has(ip) && byIp.get(ip) !== s ? -1 : s)),
  );
  const plain = plainSources(plan.tokens);
  const ids = new Map<string, number>();
  for (let d = 0; d < n; d++) {
    const dest = plan.destinations[d]!;
    const b = dest.kind === 'pod' && dstIps[d]! >= 0 ? (byIp.get(dstIps[d]!) ?? -1) : -1;
    const tok = b >= 0 ? plan.tokens[b] : null;
    if (!tok || classOf[b]! < 0 || plan.dests.selfClean[b] !== true || plain[b] === 0) continue;
    const k = [
      classOf[b],
      tok.roles.join('\u0000'),
      tok.ips.length,
      tok.ips.indexOf(dstIps[d]!),
      dest.port,
      dest.proto,
    ].join('\u0001');
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    key[d] = id;
    pod[d] = b;
  }
  let longest = 0;
  for (const tok of plan.tokens)
    for (const v of tok?.values ?? []) longest = Math.max(longest, v.length);
  return {
    key,
    pod,
    tokens: plan.tokens,
    plain,
    swaps: new Map(),
    cuts: new Map(),
    longest,
    last: { ci: -1, from: -1, to: -1, out: -1 },
  };
}

/** A reference column of a pod-column class, for one source class. */
export interface PodRef {
  /** The pod whose column it is. */
  readonly pod: number;
  /** Per member of the source class: its cell there, and whether its walk made no choice. */
  readonly ci: Uint32Array;
  readonly free: Uint8Array;
}

/**
 * Backends as pods (see `dest-expand.ts`): per backend `ip:port` of a pod, a key equal for two
 * backends whose pods are in one source class, both `selfClean` and with tokens of their own
 * alone, at the same place among their addresses and on the same port; -1 for any other.
 */
export function backendPodKey(
  plan: {
    readonly classes: readonly (readonly number[])[];
    readonly tokens: readonly (OwnTokens | null)[];
    readonly dests: { readonly selfClean: readonly boolean[] };
  },
  plain: Uint8Array,
): (owner: number, ip: number, port: number) => number {
  const classOf = new Int32Array(plan.tokens.length).fill(-1);
  plan.classes.forEach((members, k) => members.forEach((s) => (classOf[s] = k)));
  const ids = new Map<string, number>();
  return (b, ip, port) => {
    const tok = b >= 0 ? plan.tokens[b] : null;
    if (!tok || classOf[b]! < 0 || plan.dests.selfClean[b] !== true || plain[b] === 0) return -1;
    const k = [classOf[b], tok.roles.join('\u0000'), tok.ips.indexOf(ip), port].join('\u0001');
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  };
}

/**
 * Per source: none of its tokens is another source's, nor holds one as a word (see
 * `PodColumns.plain`). A port a dump names `Container NIC 2-ep1` holds source ep1's name: a
 * template of ep1's cells writes a placeholder inside it, which no swap of that pod then finds.
 */
export function plainSources(tokens: readonly (OwnTokens | null)[]): Uint8Array {
  const holders = new Map<string, number>();
  let longest = 0;
  tokens.forEach((tok, s) =>
    tok?.values.forEach((v) => {
      holders.set(v, holders.has(v) && holders.get(v) !== s ? -1 : s);
      longest = Math.max(longest, v.length);
    }),
  );
  const lengths = new Uint8Array(longest + 1);
  for (const v of holders.keys()) lengths[v.length] = 1;
  const other = (s: number, w: string) => {
    const h = holders.get(w);
    return h !== undefined && h !== s;
  };
  return Uint8Array.from(tokens, (tok, s) =>
    tok?.values.every(
      (v) => holders.get(v) === s && !holdsOther(v, lengths, (w) => other(s, w)),
    ) !== false
      ? 1
      : 0,
  );
}

const isAlnum = (ch: number) =>
  (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/**
 * Does `v` hold, other than as a whole, a text `found` is true of where a token's word would
 * be (not after a letter or digit, not before one: as `tokenRegex` finds tokens)? Only texts
 * of a length in `lengths` are asked about.
 */
function holdsOther(v: string, lengths: Uint8Array, found: (w: string) => boolean): boolean {
  const n = v.length;
  for (let p = 0; p < n; p++) {
    if (p > 0 && isAlnum(v.charCodeAt(p - 1))) continue;
    for (let e = p + 1; e <= n && e - p < lengths.length; e++) {
      if ((e < n && isAlnum(v.charCodeAt(e))) || lengths[e - p] === 0) continue;
      if ((p > 0 || e < n) && found(v.slice(p, e))) return true;
    }
  }
  return false;
}

/** A reference column for pod `pod`, for a source class of `members` members. */
export function podRef(pod: number, members: number): PodRef {
  return { pod, ci: new Uint32Array(members), free: new Uint8Array(members) };
}

interface Table {
  readonly cells: readonly MatrixCell[];
  readonly templated: readonly boolean[];
  intern(c: MatrixCell, templated?: boolean): number;
}

/**
 * Member `i` (source `s`)'s cell at pod column `d` from a reference column of its pod-column
 * class whose pod is not `s` and where `s`'s walk made no choice; -1 when there is none.
 */
export function fromPodRef(
  pods: PodColumns,
  table: Table,
  refs: readonly PodRef[],
  s: number,
  i: number,
  d: number,
): number {
  const b = pods.pod[d]!;
  if (pods.plain[s] === 0) return -1;
  for (const ref of refs) {
    if (ref.pod === s || ref.pod === b || ref.free[i] === 0) continue;
    if (!pods.tokens[ref.pod] || !pods.tokens[b]) return -1;
    return swappedPodCell(pods, table, ref.ci[i]!, ref.pod, b);
  }
  return -1;
}

/**
 * Cell `ci` of the table (`cells`, `templated`) with pod `fromId`'s tokens written as pod
 * `toId`'s, interned; -1 when a text already names `to`'s tokens or their roles differ. Kept
 * in `pods.swaps`; the cell's texts are cut at `fromId`'s tokens once for every `toId`.
 */
export function swappedPodCell(
  pods: PodColumns,
  table: Table,
  ci: number,
  fromId: number,
  toId: number,
): number {
  const last = pods.last;
  if (last.ci === ci && last.from === fromId && last.to === toId) return last.out;
  // A number while that is exact (`sources`: how many there are), else text.
  const sources = pods.tokens.length;
  const n = (ci * sources + fromId) * sources + toId;
  const k = Number.isSafeInteger(n) ? n : `${ci},${fromId},${toId}`;
  let out = pods.swaps.get(k);
  if (out === undefined) pods.swaps.set(k, (out = podSwap(pods, table, ci, fromId, toId)));
  last.ci = ci;
  last.from = fromId;
  last.to = toId;
  last.out = out;
  return out;
}

/** `swappedPodCell` without its memo. */
function podSwap(pods: PodColumns, table: Table, ci: number, fromId: number, toId: number): number {
  const from = pods.tokens[fromId]!;
  const to = pods.tokens[toId]!;
  if (from.roles.length !== to.roles.length || from.roles.some((r, i) => to.roles[i] !== r))
    return -1;
  const sources = pods.tokens.length;
  const m = ci * sources + fromId;
  const k = Number.isSafeInteger(m) ? m : `${ci},${fromId}`;
  let sw = pods.cuts.get(k);
  if (!sw)
    pods.cuts.set(
      k,
      (sw = cellSwap(table.cells[ci]!, from.values, pods.longest, table.templated[ci])),
    );
  const c = applySwap(sw, to.values);
  return c ? table.intern(c, table.templated[ci]) : -1;
}

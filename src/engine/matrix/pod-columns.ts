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
import type { OwnTokens } from './tokens';
import { swapCell } from './dest-texts';
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
  return { key, pod, tokens: plan.tokens, plain, swaps: new Map() };
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

/** Per source: none of its tokens is another source's (see `PodColumns.plain`). */
export function plainSources(tokens: readonly (OwnTokens | null)[]): Uint8Array {
  const holders = new Map<string, number>();
  tokens.forEach((tok, s) =>
    tok?.values.forEach((v) => holders.set(v, holders.has(v) && holders.get(v) !== s ? -1 : s)),
  );
  return Uint8Array.from(tokens, (tok, s) =>
    tok?.values.every((v) => holders.get(v) === s) !== false ? 1 : 0,
  );
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
    const from = pods.tokens[ref.pod];
    const to = pods.tokens[b];
    if (!from || !to) return -1;
    return swappedPodCell(table, pods.swaps, ref.ci[i]!, from, to, ref.pod, b, pods.tokens.length);
  }
  return -1;
}

/**
 * Cell `ci` of the table (`cells`, `templated`) with pod `from`'s tokens written as pod `to`'s,
 * interned; -1 when a text already names `to`'s tokens or their roles differ. Kept in `memo`.
 */
export function swappedPodCell(
  table: Table,
  memo: Map<number | string, number>,
  ci: number,
  from: OwnTokens,
  to: OwnTokens,
  fromId: number,
  toId: number,
  sources: number,
): number {
  // A number while that is exact (`sources`: how many there are), else text.
  const n = (ci * sources + fromId) * sources + toId;
  const k = Number.isSafeInteger(n) ? n : `${ci},${fromId},${toId}`;
  let out = memo.get(k);
  if (out !== undefined) return out;
  const same =
    from.roles.length === to.roles.length && from.roles.every((r, i) => to.roles[i] === r);
  const c = same ? swapCell(table.cells[ci]!, from.values, to.values, table.templated[ci]) : null;
  out = c ? table.intern(c, table.templated[ci]) : -1;
  memo.set(k, out);
  return out;
}

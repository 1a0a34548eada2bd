/**
 * Rule selection in one compiled group: the first rule (by priority, exact /32 candidates
 * before wildcards on a tie) or the longest prefix (LPM) that a packet matches.
 */
import { BIG, type Bucket, type CGroup, type Matcher } from './compile-vfp';
import type { WalkCtx } from './context';
import { matchCond, nearMiss } from './match';
import type { Pkt } from './packet';
import type { NearMiss } from './types';

const EMPTY: readonly number[] = [];

/**
 * True when position `pos` matches. On a miss: flags ICMP vs OutBoundNAT and, when recording,
 * keeps the first three near misses.
 */
function consider(
  ctx: WalkCtx,
  g: CGroup,
  pos: number,
  p: Pkt,
  misses: NearMiss[] | null,
): boolean {
  const m = g.m;
  const f = matchCond(m.types[pos]!, m.conds[pos]!, p);
  if (f === null) return true;
  if (f === 'protocol' && p.proto === 1 && m.types[pos] === 'dynnat') ctx.icmpVsDynnat = true;
  if (misses !== null && misses.length < 3)
    misses.push(nearMiss(g.rules[pos]!, m.conds[pos]!, f, p));
  return false;
}

const len = (b: Bucket | undefined) => (b === undefined ? 0 : typeof b === 'number' ? 1 : b.length);
const at = (b: Bucket, i: number) => (typeof b === 'number' ? b : b[i]!);

function selectLpm(ctx: WalkCtx, g: CGroup, p: Pkt, misses: NearMiss[] | null): number {
  for (const lb of g.m.lpmBuckets) {
    const b = lb.map.get((p.dst & lb.mask) >>> 0);
    for (let i = 0, n = len(b); i < n; i++) {
      const pos = at(b!, i);
      if (consider(ctx, g, pos, p, misses)) return pos;
    }
  }
  return -1;
}

/**
 * The position of the rule of group `g` that `p` hits, or -1. Exact-destination candidates
 * and wildcard rules are merged by priority (exact first on a tie), as one sorted list would
 * be. Unrecorded walks use the proto/port split of a big exact bucket: the rules it skips
 * fail on protocol or port and are never dynnat, so the outcome is the same.
 */
export function selectRule(ctx: WalkCtx, g: CGroup, p: Pkt, misses: NearMiss[] | null): number {
  const m: Matcher = g.m;
  ctx.icmpVsDynnat = false;
  if (m.lpm) return selectLpm(ctx, g, p, misses);
  let a: Bucket | undefined = m.exact.get(p.dst);
  let b: Bucket | undefined;
  if (misses === null && a !== undefined && typeof a !== 'number' && a.length > BIG) {
    const split = m.exactByPort.get(p.dst);
    if (split) {
      a = split.byKey.get(p.proto * 65536 + p.dport);
      b = split.rest;
    }
  }
  const na = len(a);
  const nb = len(b);
  const wild = m.wild.length > 0 ? m.wild : EMPTY;
  let i = 0;
  let k = 0;
  let j = 0;
  while (i < na || k < nb || j < wild.length) {
    // Next exact candidate: the smaller position of the two exact lists.
    const x = i < na ? at(a!, i) : -1;
    const y = k < nb ? at(b!, k) : -1;
    const e = x < 0 ? y : y < 0 ? x : Math.min(x, y);
    const w = j < wild.length ? wild[j]! : -1;
    let pos: number;
    if (e >= 0 && (w < 0 || m.prios[e]! <= m.prios[w]!)) {
      pos = e;
      if (e === x) i++;
      else k++;
    } else {
      pos = w;
      j++;
    }
    if (consider(ctx, g, pos, p, misses)) return pos;
  }
  return -1;
}

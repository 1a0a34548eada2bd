/**
 * A rule list written in full for an owner (`scan.ts`): its rules' encodings, the owner's own
 * mentions as placeholders, some rules left out. Written only where two lists' fingerprints
 * meet (`GroupIds`), and compared rule by rule first (`same`) so that alike lists are seldom
 * written at all.
 */
import type { RuleBody } from '../compile-vfp';
import type { RuleEnc } from './rule-encoder';
import { NONE } from './hits';

/** A list as the scan keeps it: its rules, by position. */
interface List {
  readonly rules: readonly RuleBody[];
}

/** A rule of a list, encoded; and an encoding written for an owner into `sig`. */
export interface RuleWriter<L extends List> {
  readonly encOf: (list: L, k: number) => RuleEnc;
  readonly rule: (sig: number[], e: RuleEnc, owner: number) => void;
}

/** Scratch runs longer than this are dropped (they only grow: see `same`). */
const SCRATCH = 4096;

export class WrittenLists<L extends List> {
  /** The last list written whole, kept for its relevant rules (a group's and their ids ask both). */
  private last: {
    readonly list: L;
    readonly owner: number;
    readonly all: readonly number[];
    readonly ends: Int32Array;
  } | null = null;
  /** Two rules written to compare (appended to: an array whose length is set to 0 drops its store). */
  private readonly pieceA: number[] = [];
  private readonly pieceB: number[] = [];
  private readonly skips = new Map<string, readonly number[]>();

  constructor(private readonly w: RuleWriter<L>) {}

  /** A list's rules but those at `skip`, encoded for `owner` (its own tokens as placeholders). */
  written(list: L, owner: number, skip: readonly number[]): readonly number[] {
    const { encOf, rule } = this.w;
    const n = list.rules.length;
    // Rules left out are never written when the whole list was not (a pod's own NAT_ rules).
    let w = this.last;
    if (w?.list !== list || w.owner !== owner) {
      if (skip.length > 0) {
        const out: number[] = [];
        let next = 0;
        for (let k = 0; k < n; k++) {
          if (skip[next] === k) next++;
          else rule(out, encOf(list, k), owner);
        }
        return out;
      }
      const all: number[] = [];
      const ends = new Int32Array(n);
      for (let k = 0; k < n; k++) {
        rule(all, encOf(list, k), owner);
        ends[k] = all.length;
      }
      this.last = w = { list, owner, all, ends };
    }
    if (skip.length === 0) return w.all;
    const out: number[] = [];
    let next = 0;
    for (let k = 0; k < n; k++) {
      if (skip[next] === k) next++;
      else for (let i = k > 0 ? w.ends[k - 1]! : 0; i < w.ends[k]!; i++) out.push(w.all[i]!);
    }
    return out;
  }

  /**
   * Would `written(a, ownerA, skipA)` equal `written(b, ownerB, skipB)`? Proven rule by rule
   * (equal pieces, equal wholes); a rule object both lists hold and that names neither owner is
   * the same piece without reading it. False only means not proven (then both are written):
   * a dump's ports hold lists of their own that share most rule objects (5,000 load-balancing
   * rules and a port's own few), so alike ports were written in full to compare them.
   */
  same(
    a: L,
    skipA: readonly number[],
    ownerA: number,
    b: L,
    skipB: readonly number[],
    ownerB: number,
  ): boolean {
    const { encOf, rule } = this.w;
    const ra = a.rules;
    const rb = b.rules;
    if (ra.length - skipA.length !== rb.length - skipB.length) return false;
    const pa = this.pieceA;
    const pb = this.pieceB;
    let i = 0;
    let j = 0;
    let si = 0;
    let sj = 0;
    for (;;) {
      for (; i < ra.length && skipA[si] === i; i++) si++;
      for (; j < rb.length && skipB[sj] === j; j++) sj++;
      if (i === ra.length || j === rb.length) return i === ra.length && j === rb.length;
      if (ra[i] === rb[j]) {
        // One rule object, one encoding (`ruleEnc` is per object): only its owner differs.
        if (ownerA < 0 && ownerB < 0) {
          i++;
          j++;
          continue;
        }
        const e = encOf(a, i);
        if (!('r' in e) || (!e.hits.includes(ownerA) && !e.hits.includes(ownerB))) {
          i++;
          j++;
          continue;
        }
      }
      if (pa.length > SCRATCH) pa.length = 0;
      if (pb.length > SCRATCH) pb.length = 0;
      const a0 = pa.length;
      const b0 = pb.length;
      rule(pa, encOf(a, i), ownerA);
      rule(pb, encOf(b, j), ownerB);
      if (!sameRun(pa, a0, pb, b0)) return false;
      i++;
      j++;
    }
  }

  /** A set of left-out rules from its key (`skip.join(',')`), parsed once. */
  skipOf(key: string): readonly number[] {
    if (key === '') return NONE;
    let s = this.skips.get(key);
    if (!s) this.skips.set(key, (s = key.split(',').map(Number)));
    return s;
  }
}

/** Are `a` from `a0` and `b` from `b0` to their ends equal? */
function sameRun(a: readonly number[], a0: number, b: readonly number[], b0: number): boolean {
  if (a.length - a0 !== b.length - b0) return false;
  for (let i = a0, j = b0; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

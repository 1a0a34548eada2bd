/**
 * Fingerprints of rule lists, so the source scan writes a list's full encoding only when two
 * lists' fingerprints meet. A rule's fingerprint reads only what its full encoding (`scan.ts`)
 * keeps as it is: priority, flags, port ranges, protocols and each prefix's text, a prefix that
 * names some source (or holds `⟨`, which a placeholder writes) as one mark. So equal encodings
 * give equal fingerprints, and unequal fingerprints are unequal encodings with no text
 * interned, no rule written up to its owner.
 */
import type { PortRange, RuleConditions } from '../../model/types';
import type { RuleBody } from '../compile-vfp';

/** FNV-1a's start and step, over numbers (char codes, fields) rather than bytes. */
export const SEED = 0x811c9dc5;

/** A hash's bits kept as a Map key: a small integer (an int32 outside it is boxed per lookup). */
export const SMALL_KEY = 0x3fffffff;
export const mix = (h: number, v: number) => Math.imul(h ^ v, 0x01000193);
/** A prefix that some source's placeholders may rewrite. */
const MARK = 0x5a17c0de;
/** Conditions with keys other than the five known ones (encoded as their text). */
const OTHER = 0x0bad5eed;

/** A text's hash (its char codes). */
function textPrint(s: string): number {
  let h = mix(SEED, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

function listPrint(h: number, xs: readonly string[] | null, prefix: (p: string) => number) {
  if (!xs) return mix(h, -1);
  h = mix(h, xs.length);
  for (const x of xs) h = mix(h, prefix(x));
  return h;
}

function rangesPrint(h: number, xs: readonly PortRange[] | null) {
  if (!xs) return mix(h, -1);
  h = mix(h, xs.length);
  for (const x of xs) h = mix(mix(h, x.from), x.to);
  return h;
}

/** Do conditions hold the five known keys and no other (else they are encoded as their text)? */
export function knownConditions(c: RuleConditions): boolean {
  let keys = 0;
  // Compared one by one, not by a Set: this runs once per rule object read.
  for (const k in c) {
    if (
      k !== 'srcPrefixes' &&
      k !== 'dstPrefixes' &&
      k !== 'srcPorts' &&
      k !== 'dstPorts' &&
      k !== 'protocols'
    )
      return false;
    keys++;
  }
  return keys === 5;
}

/**
 * A rule's fingerprint; `prefix` gives a prefix text's (`MARK` when it names a source or
 * holds `⟨`: see `prefixPrint`).
 */
export function rulePrint(
  r: RuleBody,
  prefix: (p: string) => number,
  known = knownConditions(r.conditions),
): number {
  const flags = (r.terminating ? 1 : 0) | (r.stateful ? 2 : 0);
  let h = mix(mix(SEED, r.priority), flags);
  const c = r.conditions;
  if (!known) return mix(h, OTHER);
  h = listPrint(h, c.srcPrefixes, prefix);
  h = listPrint(h, c.dstPrefixes, prefix);
  h = rangesPrint(h, c.srcPorts);
  h = rangesPrint(h, c.dstPorts);
  if (!c.protocols) return mix(h, -1);
  h = mix(h, c.protocols.length);
  for (const p of c.protocols) h = mix(h, p);
  return h;
}

/** A prefix text's part of a rule's fingerprint, given whether it names a source. */
export function prefixPrint(p: string, names: boolean): number {
  return names || p.includes('\u27e8') ? MARK : textPrint(p);
}

/**
 * The fingerprint of a list's rules but those at the (ascending) positions `skip`: rule `k`'s
 * fingerprint is `prints[at[k]]`.
 */
export function seqPrint(
  at: Int32Array,
  prints: readonly number[],
  skip: readonly number[],
): number {
  let h = mix(SEED, at.length - skip.length);
  let next = 0;
  for (let k = 0; k < at.length; k++) {
    if (skip[next] === k) next++;
    else h = mix(h, prints[at[k]!]!);
  }
  return h;
}

/** One group id: the lists, left-out rules and owners known to stand for it, its encoding. */
interface Entry<L> {
  readonly id: number;
  /** Per known reading: the list, the rules left out (`skip.join(',')`), the owner (-1: one it does not name). */
  readonly lists: L[];
  readonly skips: string[];
  readonly owners: number[];
  /** Its full encoding, written when first compared. */
  exact: readonly number[] | null;
  readonly write: () => readonly number[];
}

/**
 * Ids of group encodings: equal full encodings, equal ids. Found by fingerprint; a list read
 * again with the same rules left out, for the same owner or for owners it does not name, is
 * the same encoding without writing it; so is one that `like` proves equal to an entry's first
 * reading (a dump's ports' lists sharing rule objects); else both full encodings are written
 * and compared.
 */
export class GroupIds<L> {
  private readonly byPrint = new Map<number, Entry<L>[]>();
  constructor(private readonly fresh: () => number) {}

  idOf(
    print: number,
    list: L,
    skip: string,
    owner: number,
    write: () => readonly number[],
    like?: (list: L, skip: string, owner: number) => boolean,
  ): number {
    // Keyed by a small integer; entries still compare.
    const k = print & SMALL_KEY;
    let entries = this.byPrint.get(k);
    if (!entries) this.byPrint.set(k, (entries = []));
    for (const e of entries)
      for (let i = 0; i < e.lists.length; i++)
        if (e.lists[i] === list && e.skips[i] === skip && e.owners[i] === owner) return e.id;
    // A proof of equality short of writing (false: not proven; at most one entry is equal).
    if (like)
      for (const e of entries)
        if (like(e.lists[0]!, e.skips[0]!, e.owners[0]!)) {
          e.lists.push(list);
          e.skips.push(skip);
          e.owners.push(owner);
          return e.id;
        }
    let mine: readonly number[] | null = null;
    for (const e of entries) {
      e.exact ??= e.write();
      mine ??= write();
      if (sameArray(e.exact, mine)) {
        e.lists.push(list);
        e.skips.push(skip);
        e.owners.push(owner);
        return e.id;
      }
    }
    const id = this.fresh();
    entries.push({ id, lists: [list], skips: [skip], owners: [owner], exact: mine, write });
    return id;
  }
}

/** Are two number arrays equal item by item? */
export function sameArray(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

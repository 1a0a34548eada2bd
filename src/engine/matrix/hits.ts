/**
 * Which sources a text or a rule's conditions name (`Hits`), interned texts (`ObjInfo`) and
 * conditions as numbers (`condInto`): what the source scan (`scan.ts`) encodes rules with, so
 * a rule costs a few lookups rather than its text split into pieces and rewritten.
 */
import type { PortRange, RuleConditions } from '../../model/types';
import type { OwnTokens } from './tokens';
import { knownConditions, mix, prefixPrint, SEED, SMALL_KEY } from './prints';
import { isWideSpace } from './spaces';

/** What `scan` splits a text on: `/[\s_"{}[\],()/=|;]+/`, by char code. */
function splits(c: number): boolean {
  return c < 128 ? DELIM[c] === 1 : isWideSpace(c);
}
const DELIM = new Uint8Array(128);
for (const ch of ' \t\n\v\f\r_"{}[],()/=|;') DELIM[ch.charCodeAt(0)] = 1;

/** A text's hash, as `scan` computes it for a piece (FNV-1a over char codes). */
function hashOf(s: string): number {
  let h = SEED;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** How many characters `a` and `b` share at their start. */
function samePrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at their end, at most `min(lengths) - skip`. */
function sameSuffix(a: string, b: string, skip: number): number {
  const n = Math.min(a.length, b.length) - skip;
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Which sources' tokens occur in texts (memoised per text and per object). */
export class Hits {
  private readonly byToken = new Map<string, number[]>();
  /**
   * Tokens by their hash (see `hashOf`) cut to a small integer (an int32 key outside it would be
   * boxed for each lookup), so a piece is looked up without being cut out.
   */
  private readonly byHash = new Map<number, string[]>();
  private readonly byText = new Map<string, readonly number[]>();
  private readonly byNumber = new Map<number, number[]>();
  private readonly byColon = new Map<number, number[]>();
  /** Per length: is some token that long (most pieces are not looked up at all)? */
  private readonly lengths: Uint8Array;
  constructor(tokens: readonly (OwnTokens | null)[]) {
    let longest = 0;
    for (const tok of tokens)
      for (const v of tok?.values ?? []) longest = Math.max(longest, v.length);
    this.lengths = new Uint8Array(longest + 1);
    let colon = false;
    tokens.forEach((tok, s) => {
      for (const v of tok?.values ?? []) {
        if (v.includes(':')) colon = true;
        const l = this.byToken.get(v);
        if (l) {
          if (!l.includes(s)) l.push(s);
        } else {
          this.byToken.set(v, [s]);
          this.lengths[v.length] = 1;
          const h = hashOf(v) & SMALL_KEY;
          const same = this.byHash.get(h);
          if (same) same.push(v);
          else this.byHash.set(h, [v]);
        }
      }
    });
    this.colonTokens = colon;
    // Tokens that are a number as `String` writes it, bare or after a colon (`:8080`).
    for (const [v, l] of this.byToken) {
      if (v === String(Number(v))) this.byNumber.set(Number(v), l);
      const rest = v.slice(1);
      if (v.startsWith(':') && rest === String(Number(rest))) this.byColon.set(Number(rest), l);
    }
    this.skeleton = this.of(SKELETON);
  }
  /** Does any token hold a colon (then `:8080`, a port's piece of a condition's text, can hit)? */
  readonly colonTokens: boolean;
  /** Hits of the fixed pieces of a conditions object's JSON (its keys, `null`, `from`, `to`). */
  readonly skeleton: readonly number[];

  /**
   * Hits of `JSON.stringify(c)` without writing it: the fixed pieces, each prefix string and
   * each number as they split there (a protocol bare, a port as `:8080`). Null when `c` has
   * keys other than the five known ones (the caller splits its text).
   */
  ofConditions(
    c: RuleConditions,
    skipSrc = false,
    skipDst = false,
    known = knownConditions(c),
  ): readonly number[] | null {
    if (!known) return null;
    // No closures: this runs once per rule of every distinct list.
    this.lent = null;
    let out: number[] | null = null;
    if (!skipSrc && c.srcPrefixes)
      for (const p of c.srcPrefixes) out = this.addHits(out, this.of(p));
    if (!skipDst && c.dstPrefixes)
      for (const p of c.dstPrefixes) out = this.addHits(out, this.of(p));
    return this.numbersHits(out, c) ?? this.skeleton;
  }

  /**
   * A prefix text's part of a rule's fingerprint (see `prefixPrint`), its hits added to the
   * rule's being read (`startRule`, `ruleConditionHits`): one lookup per prefix serves both.
   */
  readonly rulePrefix = (p: string): number => {
    let i = this.prefixAt.get(p);
    if (i === undefined) {
      const h = this.of(p);
      this.prefixAt.set(p, (i = this.prefixHits.length));
      this.prefixHits.push(h);
      this.prefixPrints.push(prefixPrint(p, h.length > 0));
    }
    this.ruleHits = this.addHits(this.ruleHits, this.prefixHits[i]!);
    return this.prefixPrints[i]!;
  };

  /** `out` with the hits of a rule's protocols and (where tokens hold a colon) its port ranges. */
  private numbersHits(out: number[] | null, c: RuleConditions): number[] | null {
    if (c.protocols)
      for (const p of c.protocols) out = this.addHits(out, this.numberHits(this.byNumber, '', p));
    if (this.colonTokens) {
      for (const r of c.srcPorts ?? []) out = this.portHits(out, r);
      for (const r of c.dstPorts ?? []) out = this.portHits(out, r);
    }
    return out;
  }

  private readonly prefixAt = new Map<string, number>();
  private readonly prefixHits: (readonly number[])[] = [];
  private readonly prefixPrints: number[] = [];
  /** The hits of the rule being read, as `ofConditions` gathers them (see `rulePrefix`). */
  private ruleHits: number[] | null = null;

  /** Start reading a rule's conditions: its prefixes through `rulePrefix`. */
  startRule(): void {
    this.lent = null;
    this.ruleHits = null;
  }

  /**
   * `ofConditions(c)` of the rule being read, its prefixes' hits already gathered by
   * `rulePrefix` (the same sources; conditions with just the known keys).
   */
  ruleConditionHits(c: RuleConditions): readonly number[] {
    const out = this.ruleHits;
    this.ruleHits = null;
    return this.numbersHits(out, c) ?? this.skeleton;
  }

  private portHits(out: number[] | null, r: PortRange): number[] | null {
    out = this.addHits(out, this.numberHits(this.byColon, ':', r.from));
    return this.addHits(out, this.numberHits(this.byColon, ':', r.to));
  }

  /** Hits of the token `lead + String(n)`, looked up by number when `n` is one. */
  private numberHits(m: Map<number, number[]>, lead: string, n: number): readonly number[] {
    // Most plans have no numeric token: no lookup per protocol.
    if (typeof n === 'number') return m.size === 0 ? NONE : (m.get(n) ?? NONE);
    return this.byToken.get(`${lead}${String(n)}`) ?? NONE;
  }

  /**
   * `out` (the skeleton's hits when first needed) with `hs` added. With no skeleton hits, the
   * first hits are `hs` itself, lent (memoised, never changed), copied only when more are added:
   * no array per rule naming one source (a pod's own rules).
   */
  private addHits(out: number[] | null, hs: readonly number[]): number[] | null {
    if (hs.length === 0) return out;
    if (out === null) {
      if (this.skeleton.length === 0) return (this.lent = hs as number[]);
      out = [...this.skeleton];
    } else if (out === this.lent) {
      let more = false;
      for (const s of hs) if (!out.includes(s)) more = true;
      if (!more) return out;
      out = [...out];
    }
    for (const s of hs) if (!out.includes(s)) out.push(s);
    return out;
  }

  /** The hits array `ofConditions` is returning as lent (see `addHits`). */
  private lent: readonly number[] | null = null;

  of(text: string): readonly number[] {
    let h = this.byText.get(text);
    if (h) return h;
    h = this.scan(text);
    this.byText.set(text, h);
    return h;
  }

  /**
   * `of` without its memo, for texts interned elsewhere (see `ObjInfo`): the whole text, then
   * each piece between splitting characters, with the piece before its first colon
   * (`10.244.1.10:8080`, but not a MAC) and without a trailing dot, looked up as tokens. Pieces
   * are hashed as they are read and cut out only when a token has their hash. `like`: a text
   * this found nothing in (the last object of the same kind), whose shared parts are skipped.
   */
  scan(text: string, like: string | null = null): readonly number[] {
    const n = text.length;
    let from = 0;
    let to = n;
    if (like !== null) {
      // Pieces inside the part `like` shares, ended by a splitting character there, are its.
      from = samePrefix(text, like);
      to = n - sameSuffix(text, like, from);
      while (from > 0 && !splits(text.charCodeAt(from - 1))) from--;
      while (to < n && !splits(text.charCodeAt(to))) to++;
    }
    const out = this.pieces(text, from, to);
    // The whole text comes first (a token may hold splitting characters).
    const all = this.lengths[n] === 1 ? this.look(null, text, 0, n, hashOf(text)) : null;
    if (all) {
      if (out) for (const s of out) if (!all.includes(s)) all.push(s);
      return all;
    }
    return out ?? NONE;
  }

  /** `out` with the hits of `text`'s pieces (not of `text` whole: see `scan`). */
  piecesOf(out: number[] | null, text: string): number[] | null {
    const found = this.pieces(text, 0, text.length);
    if (!found) return out;
    if (!out) return found;
    for (const s of found) if (!out.includes(s)) out.push(s);
    return out;
  }

  /** Is some token `n` characters long (a text that long is looked up whole by `scan`)? */
  hasLength(n: number): boolean {
    return this.lengths[n] === 1;
  }

  /** Hits of the pieces of `text` from `i` to `to` (both at a piece's edge). */
  private pieces(text: string, i: number, to: number): number[] | null {
    let out: number[] | null = null;
    while (i < to) {
      let c = text.charCodeAt(i);
      if (splits(c)) {
        i++;
        continue;
      }
      const start = i;
      let h = SEED;
      let before = SEED;
      let colon = -1;
      let beforeColon = SEED;
      for (; i < to; i++) {
        c = text.charCodeAt(i);
        if (splits(c)) break;
        if (c === 58 && colon < 0) {
          colon = i;
          beforeColon = h;
        }
        before = h;
        h = mix(h, c);
      }
      out = this.look(out, text, start, i, h);
      if (colon > start && i - start !== 17) out = this.look(out, text, start, colon, beforeColon);
      if (text.charCodeAt(i - 1) === 46) out = this.look(out, text, start, i - 1, before);
    }
    return out;
  }

  /** `out` with the sources of the token `text.slice(from, to)` (hashed `h`), if it is one. */
  private look(
    out: number[] | null,
    text: string,
    from: number,
    to: number,
    h: number,
  ): number[] | null {
    if (this.lengths[to - from] !== 1) return out;
    const same = this.byHash.get(h & SMALL_KEY);
    if (!same) return out;
    for (const v of same) {
      if (v.length !== to - from || !text.startsWith(v, from)) continue;
      for (const s of this.byToken.get(v)!) {
        out ??= [];
        if (!out.includes(s)) out.push(s);
      }
    }
    return out;
  }
}
export const NONE: readonly number[] = [];

/** Every fixed piece a conditions object's JSON can split into (see `Hits.ofConditions`). */
const SKELETON =
  '{"srcPrefixes":null,"dstPrefixes":null,"srcPorts":null,"dstPorts":null,"protocols":null}' +
  '{"srcPrefixes":[],"dstPrefixes":[],"srcPorts":[{"from":,"to":}],"dstPorts":[],"protocols":[]}';

/** An interned text; which sources it names is computed when first asked (most never are). */
export class ObjInfo {
  private found: readonly number[] | null;
  constructor(
    readonly id: number,
    readonly text: string,
    private readonly from: Hits,
    hits: readonly number[] | null = null,
  ) {
    this.found = hits;
  }
  get hits(): readonly number[] {
    return (this.found ??= this.from.scan(this.text));
  }
}

/**
 * Conditions as numbers pushed onto `out` (each list as its length, or -1 for null, then its
 * items; each prefix by `prefix`); false, pushing nothing, when they hold keys other than the
 * five known ones.
 */
export function condInto(out: number[], c: RuleConditions, prefix: (p: string) => number): boolean {
  if (!knownConditions(c)) return false;
  // Module functions, not closures: this runs for every rule written.
  prefixesInto(out, c.srcPrefixes, prefix);
  prefixesInto(out, c.dstPrefixes, prefix);
  portsInto(out, c.srcPorts);
  portsInto(out, c.dstPorts);
  const ps = c.protocols;
  out.push(ps ? ps.length : -1);
  if (ps) for (let i = 0; i < ps.length; i++) out.push(ps[i]!);
  return true;
}

function prefixesInto(out: number[], xs: readonly string[] | null, prefix: (p: string) => number) {
  out.push(xs ? xs.length : -1);
  if (xs) for (let i = 0; i < xs.length; i++) out.push(prefix(xs[i]!));
}

function portsInto(out: number[], xs: readonly PortRange[] | null) {
  out.push(xs ? xs.length : -1);
  if (xs) for (let i = 0; i < xs.length; i++) out.push(xs[i]!.from, xs[i]!.to);
}

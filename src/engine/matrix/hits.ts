/**
 * Which sources a text or a rule's conditions name (`Hits`), interned texts (`ObjInfo`) and
 * conditions as numbers (`condInto`): what the source scan (`scan.ts`) encodes rules with, so
 * a rule costs a few lookups rather than its text split into pieces and rewritten.
 */
import type { PortRange, RuleConditions } from '../../model/types';
import type { OwnTokens } from './tokens';

const SPLIT = /[\s_"{}[\],()/=|;]+/;

/** Which sources' tokens occur in texts (memoised per text and per object). */
export class Hits {
  private readonly byToken = new Map<string, number[]>();
  private readonly byText = new Map<string, readonly number[]>();
  constructor(tokens: readonly (OwnTokens | null)[]) {
    let colon = false;
    tokens.forEach((tok, s) => {
      for (const v of tok?.values ?? []) {
        if (v.includes(':')) colon = true;
        const l = this.byToken.get(v);
        if (l) {
          if (!l.includes(s)) l.push(s);
        } else this.byToken.set(v, [s]);
      }
    });
    this.colonTokens = colon;
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
  ofConditions(c: RuleConditions, skipSrc = false, skipDst = false): readonly number[] | null {
    let keys = 0;
    for (const k in c) {
      if (!KNOWN_KEYS.has(k)) return null;
      keys++;
    }
    if (keys !== KNOWN_KEYS.size) return null;
    let out: number[] | null = null;
    const add = (hs: readonly number[]) => {
      if (hs.length === 0) return;
      out ??= [...this.skeleton];
      for (const s of hs) if (!out.includes(s)) out.push(s);
    };
    if (!skipSrc) for (const p of c.srcPrefixes ?? []) add(this.of(p));
    if (!skipDst) for (const p of c.dstPrefixes ?? []) add(this.of(p));
    for (const p of c.protocols ?? []) add(this.byToken.get(String(p)) ?? NONE);
    if (this.colonTokens)
      for (const r of [...(c.srcPorts ?? []), ...(c.dstPorts ?? [])]) {
        add(this.byToken.get(`:${r.from}`) ?? NONE);
        add(this.byToken.get(`:${r.to}`) ?? NONE);
      }
    return out ?? this.skeleton;
  }

  of(text: string): readonly number[] {
    let h = this.byText.get(text);
    if (h) return h;
    h = this.scan(text);
    this.byText.set(text, h);
    return h;
  }

  /** `of` without its memo, for texts interned elsewhere (see `ObjInfo`). */
  scan(text: string): readonly number[] {
    const out: number[] = [];
    const look = (piece: string) => {
      for (const s of this.byToken.get(piece) ?? []) if (!out.includes(s)) out.push(s);
    };
    look(text);
    for (const piece of text.split(SPLIT)) {
      if (!piece) continue;
      look(piece);
      const colon = piece.indexOf(':');
      // `10.244.1.10:8080`, but not a MAC.
      if (colon > 0 && piece.length !== 17) look(piece.slice(0, colon));
      if (piece.endsWith('.')) look(piece.slice(0, -1));
    }
    return out.length === 0 ? NONE : out;
  }
}
export const NONE: readonly number[] = [];
const KNOWN_KEYS = new Set(['srcPrefixes', 'dstPrefixes', 'srcPorts', 'dstPorts', 'protocols']);
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
  let keys = 0;
  for (const k in c) {
    if (!KNOWN_KEYS.has(k)) return false;
    keys++;
  }
  if (keys !== KNOWN_KEYS.size) return false;
  const prefixes = (xs: readonly string[] | null) => {
    out.push(xs ? xs.length : -1);
    for (const x of xs ?? []) out.push(prefix(x));
  };
  const ports = (xs: readonly PortRange[] | null) => {
    out.push(xs ? xs.length : -1);
    for (const x of xs ?? []) out.push(x.from, x.to);
  };
  prefixes(c.srcPrefixes);
  prefixes(c.dstPrefixes);
  ports(c.srcPorts);
  ports(c.dstPorts);
  out.push(c.protocols ? c.protocols.length : -1);
  for (const x of c.protocols ?? []) out.push(x);
  return true;
}

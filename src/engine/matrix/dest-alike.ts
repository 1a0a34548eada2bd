/**
 * Two VIPs' key texts compared without writing them: each text a VIP's key holds (a rule, a
 * load balancer or service object) is read piece by piece beside the other VIP's, every piece
 * mapped as `dest-key.ts` maps it (the VIP's tokens, then the owner's, as placeholders). A
 * `true` proves the two key texts equal; a `false` proves nothing (the key is then written).
 */
import type { RuleBody } from '../compile-vfp';
import { isSep, rawPiece, sizeClass, somePiece, type GroupInfo } from './dest-rules';
import type { OwnTokens } from './tokens';

/** A rule naming a VIP. */
export interface Mention {
  readonly info: GroupInfo;
  readonly k: number;
  /** Named by a /32 condition (else only by name). */
  readonly cond: boolean;
}

/** A load balancer or service of a VIP, its backend list written as a size class. */
export interface HostObject {
  readonly of: object;
  readonly field: string;
  readonly size: string;
}

/** What a VIP's key is made of, and whether it is plain enough to compare without writing it. */
export interface VipFacts {
  /** The VIP's tokens: itself, its load balancers' and services' ids and names. */
  readonly toks: readonly string[];
  /** The wider prefixes around the VIP, as indices. */
  readonly atoms: string;
  /** Its load balancer and service objects. */
  readonly objs: readonly HostObject[];
  /** The owner whose tokens the objects are written up to (that of the last mention's port). */
  readonly own: OwnTokens | null;
  /** The sides its objects, shared mentions and backend mentions are read on. */
  readonly objSide: Side;
  readonly sharedSide: Side;
  readonly backendSide: Side;
  /** Every mention, in order. */
  readonly ms: readonly Mention[];
  /** The mentions in lists several ports share. */
  readonly shared: readonly Mention[];
  /** Ports that pick the VIP's backends (their mentions must read alike). */
  readonly backendPorts: ReadonlySet<string>;
  /**
   * Every per-port mention is on a backend port and every backend port's read alike entry by
   * entry: the key is then atoms, objects, shared mentions and `backend`.
   */
  readonly plain: boolean;
  /** The first backend port's mentions, and its owner. */
  readonly backend: readonly Mention[];
  readonly backendOwn: OwnTokens | null;
}

/** Whose tokens a text is read up to: a VIP's, and the owner of the port it sits on. */
export interface Side {
  readonly toks: readonly string[];
  readonly own: OwnTokens | null;
  /** Bit `n` (31: 31 or more) set when some token is `n` long: other pieces map to themselves. */
  readonly lengths: number;
  /** Bit `c & 31` set when some token starts with code unit `c`: likewise. */
  readonly firsts: number;
}

/** The side of a VIP's tokens `toks` on a port of `own` (null: on none). */
export function side(
  toks: readonly string[],
  own: OwnTokens | null,
  lengths = tokenLengths(toks) | tokenLengths(own?.values ?? []),
  firsts = tokenFirsts(toks) | tokenFirsts(own?.values ?? []),
): Side {
  return { toks, own, lengths, firsts };
}

/** `Side.lengths` of tokens `xs`. */
export function tokenLengths(xs: readonly string[]): number {
  let lengths = 0;
  for (const t of xs) lengths |= 1 << Math.min(t.length, 31);
  return lengths;
}

/** `Side.firsts` of tokens `xs`. */
export function tokenFirsts(xs: readonly string[]): number {
  let firsts = 0;
  for (const t of xs) if (t.length > 0) firsts |= 1 << (t.charCodeAt(0) & 31);
  return firsts;
}

export const RAW = -1;

/**
 * What piece `x[from, to)` becomes on side `s`: the index of the VIP token it is, `RAW` (itself),
 * or `-2 - i` for the owner's token `i`.
 */
export function mapped(x: string, from: number, to: number, s: Side): number {
  const n = to - from;
  if (((s.lengths >>> Math.min(n, 31)) & 1) === 0) return RAW;
  if (n > 0 && ((s.firsts >>> (x.charCodeAt(from) & 31)) & 1) === 0) return RAW;
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.length === n && x.startsWith(t, from)) return i;
  }
  const vals = s.own?.values;
  if (vals)
    for (let i = 0; i < vals.length; i++) {
      const t = vals[i]!;
      if (t.length === n && x.startsWith(t, from)) return -2 - i;
    }
  return RAW;
}

/** The text piece `x[from, to)` becomes on side `s`. */
export function pieceText(x: string, from: number, to: number, s: Side): string {
  const k = mapped(x, from, to, s);
  if (k >= 0) return `\u27e8vip${k}\u27e9`;
  if (k < RAW) return `\u27e8${s.own!.roles[-2 - k]}\u27e9`;
  return rawPiece(x.slice(from, to));
}

function samePiece(
  a: string,
  i0: number,
  i1: number,
  A: Side,
  b: string,
  j0: number,
  j1: number,
  B: Side,
): boolean {
  const ka = mapped(a, i0, i1, A);
  const kb = mapped(b, j0, j1, B);
  if (ka === RAW && kb === RAW) {
    if (i1 - i0 !== j1 - j0) return false;
    for (let k = 0; k < i1 - i0; k++)
      if (a.charCodeAt(i0 + k) !== b.charCodeAt(j0 + k)) return false;
    return true;
  }
  if (ka >= 0 && kb >= 0) return ka === kb;
  if (ka < RAW && kb < RAW) return A.own!.roles[-2 - ka] === B.own!.roles[-2 - kb];
  return pieceText(a, i0, i1, A) === pieceText(b, j0, j1, B);
}

/** Do `a` on side `A` and `b` on side `B` map to the same text (`mapPieces` with each side's tokens)? */
export function samePieces(a: string | null, A: Side, b: string | null, B: Side): boolean {
  if (a === null || b === null) return a === b;
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  for (;;) {
    // The separators between pieces are copied as they are: both runs alike.
    while (i < n && isSep(a.charCodeAt(i))) {
      if (j >= m || a.charCodeAt(i) !== b.charCodeAt(j)) return false;
      i++;
      j++;
    }
    if (j < m && isSep(b.charCodeAt(j))) return false;
    if (i === n || j === m) return i === n && j === m;
    const i0 = i;
    const j0 = j;
    while (i < n && !isSep(a.charCodeAt(i))) i++;
    while (j < m && !isSep(b.charCodeAt(j))) j++;
    if (!samePiece(a, i0, i, A, b, j0, j, B)) return false;
  }
}

/**
 * Texts no side can map: none of their pieces is a token of any VIP or source (`tokens`),
 * remembered per text for one scan.
 */
export class FixedTexts {
  private readonly memo = new Map<string, boolean>();
  private readonly numbers = new Map<number, boolean>();
  private readonly objects = new Map<object, boolean>();
  constructor(private readonly tokens: (p: string) => boolean) {}
  /** Is `JSON.stringify(s)` the same text on every side? */
  string(s: string): boolean {
    let x = this.memo.get(s);
    if (x === undefined) {
      x = !somePiece(JSON.stringify(s), this.tokens);
      this.memo.set(s, x);
    }
    return x;
  }
  /** Is a number's, boolean's or null's JSON (one piece) the same text on every side? */
  piece(p: string): boolean {
    return !this.tokens(p);
  }
  /** `piece` of a finite number's JSON. */
  number(n: number): boolean {
    let x = this.numbers.get(n);
    if (x === undefined) {
      x = this.piece(String(n));
      this.numbers.set(n, x);
    }
    return x;
  }
  /**
   * Is `JSON.stringify(o)` plain data (as `sameJson` reads it) the same text on every side?
   * Then `sameJson(o, A, o, B)` is true whatever the sides (one load balancers' shared
   * provenance, read once).
   */
  object(o: object): boolean {
    let x = this.objects.get(o);
    if (x === undefined) {
      x = this.inert(o);
      this.objects.set(o, x);
    }
    return x;
  }
  private inert(v: unknown): boolean {
    if (typeof v === 'string') return this.string(v);
    if (v === undefined) return true;
    if (v === null || typeof v === 'boolean') return this.piece(String(v));
    if (typeof v === 'number') return Number.isFinite(v) && this.number(v);
    if (typeof v !== 'object') return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!this.inert(v[i] as unknown)) return false;
      return true;
    }
    if (Object.getPrototypeOf(v) !== PLAIN || 'toJSON' in v) return false;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!this.string(k) || !this.inert(o[k])) return false;
    return true;
  }
}

const PLAIN = Object.prototype;
/** What `JSON.stringify` escapes in a string (a lone surrogate among the rest). */
// eslint-disable-next-line no-control-regex
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Do `JSON.stringify(a)` on side `A` and `JSON.stringify(b)` on side `B` map to the same text?
 * Read value by value: a string equal on both sides and inert is passed over unsplit. Anything
 * but plain data (a class, `toJSON`, a number that is not finite) answers false.
 */
export function sameJson(
  a: unknown,
  A: Side,
  b: unknown,
  B: Side,
  fixed: FixedTexts,
  // An object's field read as another value on each side (the top level only).
  field?: string,
  va?: unknown,
  vb?: unknown,
): boolean {
  if (typeof a === 'string') {
    if (typeof b !== 'string') return false;
    if (a === b && fixed.string(a)) return true;
    // Quotes are separators: a string JSON writes as it is maps as its JSON does.
    if (!ESCAPED.test(a) && !ESCAPED.test(b)) return samePieces(a, A, b, B);
    return samePieces(JSON.stringify(a), A, JSON.stringify(b), B);
  }
  // Undefined on both: left out of an object, `null` in an array, alike either way.
  if (a === undefined || a === null || typeof a === 'boolean')
    return a === b && (a === undefined || fixed.piece(String(a)));
  if (typeof a === 'number') return a === b && Number.isFinite(a) && fixed.number(a);
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  // One object on both sides (below the top, where no field is read otherwise).
  if (a === b && field === undefined && fixed.object(a)) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++)
      if (!sameJson(a[i] as unknown, A, b[i] as unknown, B, fixed)) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== PLAIN || Object.getPrototypeOf(b) !== PLAIN) return false;
  if ('toJSON' in a || 'toJSON' in b) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !fixed.string(k)) return false;
    if (k === field ? !sameJson(va, A, vb, B, fixed) : !sameJson(x[k], A, y[k], B, fixed))
      return false;
  }
  return true;
}

function samePrefixes(a: readonly string[] | null, A: Side, b: readonly string[] | null, B: Side) {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!samePieces(a[i]!, A, b[i]!, B)) return false;
  return true;
}

type Range = { readonly from: number; readonly to: number };
export function samePorts(a: readonly Range[] | null, b: readonly Range[] | null): boolean {
  // One array (rules often share their conditions' lists): not read.
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i]!.from !== b[i]!.from || a[i]!.to !== b[i]!.to) return false;
  return true;
}

export function sameList(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Do `ruleText(a, …)` on side `A` and `ruleText(b, …)` on side `B` read the same, field by field? */
export function sameRule(a: RuleBody, A: Side, b: RuleBody, B: Side): boolean {
  if (
    a.priority !== b.priority ||
    a.type !== b.type ||
    !a.terminating !== !b.terminating ||
    !a.stateful !== !b.stateful
  )
    return false;
  const ca = a.conditions;
  const cb = b.conditions;
  if (
    !sameList(ca.protocols, cb.protocols) ||
    !samePorts(ca.srcPorts, cb.srcPorts) ||
    !samePorts(ca.dstPorts, cb.dstPorts) ||
    !samePieces(a.name, A, b.name, B) ||
    !samePrefixes(ca.srcPrefixes, A, cb.srcPrefixes, B) ||
    !samePrefixes(ca.dstPrefixes, A, cb.dstPrefixes, B)
  )
    return false;
  const x = a.action;
  const y = b.action;
  if (x.kind === 'lbnat')
    return (
      y.kind === 'lbnat' &&
      x.distribution === y.distribution &&
      sizeClass(x.backends.length) === sizeClass(y.backends.length) &&
      samePieces(x.loadBalancerId, A, y.loadBalancerId, B) &&
      samePieces(x.snatIp, A, y.snatIp, B)
    );
  if (x.kind === 'nat')
    return (
      y.kind === 'nat' && x.side === y.side && x.port === y.port && samePieces(x.ip, A, y.ip, B)
    );
  if (x.kind === 'allow' || x.kind === 'block') return x.kind === y.kind;
  return x.kind === y.kind && samePieces(JSON.stringify(x), A, JSON.stringify(y), B);
}

/** Do two mentions sit at the same place of the same kind of list (`dest-key.ts` `place`)? */
export function samePlace(a: Mention, b: Mention, rankOf: (m: Mention) => number): boolean {
  if (a.cond !== b.cond || a.info.where !== b.info.where) return false;
  return a.cond ? rankOf(a) === rankOf(b) : a.k === b.k;
}

/** Two lists of mentions alike entry by entry (so their sorted texts are equal too). */
export function sameMentions(
  a: readonly Mention[],
  A: Side,
  b: readonly Mention[],
  B: Side,
  rankOf: (m: Mention) => number,
  sameList = false,
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (sameList && x.info !== y.info) return false;
    if (!samePlace(x, y, rankOf)) return false;
    if (!sameRule(x.info.g.rules[x.k]!, A, y.info.g.rules[y.k]!, B)) return false;
  }
  return true;
}

/** `sameJson` of two host objects as `dest-key.ts` writes them (`{ ...of, [field]: size }`). */
export function sameObject(
  a: HostObject,
  A: Side,
  b: HostObject,
  B: Side,
  fixed: FixedTexts,
): boolean {
  if (a.field !== b.field || !Object.hasOwn(a.of, a.field) || !Object.hasOwn(b.of, b.field))
    return false;
  return sameJson(a.of, A, b.of, B, fixed, a.field, a.size, b.size);
}

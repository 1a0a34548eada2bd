/**
 * What `Hits.scan` finds in `JSON.stringify(o)`, read from `o`'s keys and values without writing
 * the text (the source scan's 5,000 load balancers). `JSON.stringify` writes no spaces, and
 * quotes, brackets, braces and commas split pieces (see `hits.ts`), so the text's pieces are:
 * each key's and string's own pieces; after a key, `:` joined to a number, `true`, `false` or
 * `null` (else `:` alone); such a value alone in an array. Null where that would not be the
 * text: a key or string that JSON escapes (a quote, a backslash, a control character, a
 * surrogate), a value it writes by other rules (`toJSON`, not a plain object or array, a
 * bigint), or a text as long as some token (`scan` looks the whole text up).
 */
import type { Hits } from './hits';

/** Does `JSON.stringify` escape a character of `s` (surrogates: lone ones; any counts here)? */
function escapes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** What an object nested in others reads as (see `JsonMemo`). */
interface Nested {
  readonly ok: boolean;
  readonly out: readonly number[] | null;
  readonly length: number;
  readonly slashed: readonly string[];
}

/**
 * Objects nested in those read, by identity, as they read (for one set of tokens, while none of
 * them changes; null: met once): many load balancers share one provenance object, read twice.
 */
export type JsonMemo = Map<object, Nested | null>;

class JsonReader {
  out: number[] | null = null;
  length = 0;
  /** Strings holding a `/`, in text order (for the wide prefixes written in them). */
  readonly slashed: string[] = [];
  constructor(
    private readonly hits: Hits,
    private readonly memo: JsonMemo | null,
    /** Is the value read nested in another (then a plain object is looked up in `memo`)? */
    private nested = false,
  ) {}

  private text(s: string): boolean {
    if (escapes(s)) return false;
    this.length += s.length + 2;
    this.out = this.hits.piecesOf(this.out, s);
    if (s.includes('/')) this.slashed.push(s);
    return true;
  }

  /** A number, `true`, `false` or `null`, written `lead + text` as one piece. */
  private bare(lead: string, text: string): void {
    this.length += text.length;
    // Such a piece is only looked up whole (no dot at its end, no colon after its start).
    if (this.hits.hasLength(lead.length + text.length))
      this.out = this.hits.piecesOf(this.out, lead + text);
  }

  /** A number as `bare` reads it, written as text only where a token is as long. */
  private number(lead: string, v: number): void {
    if (!Number.isSafeInteger(v)) return this.bare(lead, JSON.stringify(v));
    let n = v < 0 ? 2 : 1;
    for (let x = Math.abs(v); x >= 10; x = Math.floor(x / 10)) n++;
    this.length += n;
    if (this.hits.hasLength(lead.length + n)) this.out = this.hits.piecesOf(this.out, lead + v);
  }

  /** Reads `v` (not undefined, a function or a symbol); false where JSON writes it otherwise. */
  value(v: unknown, afterKey: boolean): boolean {
    const lead = afterKey ? ':' : '';
    if (v === null) this.bare(lead, 'null');
    else if (typeof v === 'boolean') this.bare(lead, v ? 'true' : 'false');
    else if (typeof v === 'number') this.number(lead, v);
    else {
      if (afterKey) this.out = this.hits.piecesOf(this.out, ':');
      if (typeof v === 'string') return this.text(v);
      if (typeof v !== 'object') return false;
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
      if (Array.isArray(v)) {
        this.length += 2 + Math.max(0, v.length - 1);
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          const skip = x === undefined || typeof x === 'function' || typeof x === 'symbol';
          if (skip) this.bare('', 'null');
          else if (!this.value(x, false)) return false;
        }
        return true;
      }
      if (this.nested && this.memo) return this.shared(v);
      this.nested = true;
      return this.object(v);
    }
    return true;
  }

  /** A plain object's keys and values (false where JSON writes it otherwise). */
  private object(v: object): boolean {
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    const o = v as Record<string, unknown>;
    let n = 0;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      n++;
      this.length += 1;
      if (!this.text(k) || !this.value(x, true)) return false;
    }
    this.length += 2 + Math.max(0, n - 1);
    return true;
  }

  /**
   * `object(v)` of an object nested in another: read in place when first met (most are met
   * once: a load balancer's flags), read once more on its own when met again, and from then on
   * added as it reads.
   */
  private shared(v: object): boolean {
    let m = this.memo!.get(v);
    if (m === undefined) {
      this.memo!.set(v, null);
      return this.object(v);
    }
    if (m === null) {
      const r = new JsonReader(this.hits, this.memo, true);
      const ok = r.object(v);
      m = { ok, out: r.out, length: r.length, slashed: r.slashed };
      this.memo!.set(v, m);
    }
    if (!m.ok) return false;
    this.length += m.length;
    // Its hits in the order it found them, after those found before it (as read in place).
    if (m.out)
      if (!this.out) this.out = [...m.out];
      else for (const s of m.out) if (!this.out.includes(s)) this.out.push(s);
    for (const s of m.slashed) this.slashed.push(s);
    return true;
  }
}

/** Hits of `JSON.stringify(o)` (`o` an object) and its strings holding a `/`; null: write it. */
export function jsonHits(
  hits: Hits,
  o: object,
  memo: JsonMemo | null = null,
): { readonly hits: readonly number[]; readonly slashed: readonly string[] } | null {
  const r = new JsonReader(hits, memo);
  if (!r.value(o, false) || hits.hasLength(r.length)) return null;
  return { hits: r.out ?? [], slashed: r.slashed };
}

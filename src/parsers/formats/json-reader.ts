/**
 * A tolerant JSON reader. It reads one value starting at `pos` and, unlike JSON.parse, never
 * gives up on what it has already understood: when the text is cut off or broken it returns
 * the value built so far (every complete field) plus an error with the offset of the damage.
 * Missing commas between members and trailing commas are accepted (hnsdiag -df, hand edits).
 *
 * Linear in the input; recursion depth is capped.
 */

import { setKey } from './raw';
import { TooManyObjectsError } from '../object-budget';

export interface JsonError {
  readonly offset: number;
  readonly message: string;
  readonly expected: string;
  /** True when the text ended inside the value (a paste cut off mid-object). */
  readonly truncated: boolean;
  /** The last member key fully read before the damage, for hints. */
  readonly lastKey: string | null;
}

export interface JsonRead {
  /** Undefined when not even a partial value could be built. */
  readonly value: unknown;
  readonly end: number;
  readonly error: JsonError | null;
}

const MAX_DEPTH = 256;

/** Console widths at which pasted text is hard-wrapped. */
const WRAP_WIDTHS = new Set([
  80, 100, 111, 119, 120, 132, 140, 150, 160, 180, 200, 220, 240, 250, 256, 300,
]);

/** True when the line ending at `nl` has exactly a console width (a hard-wrap, not a real break). */
function wrappedAt(t: string, nl: number): boolean {
  const start = t.lastIndexOf('\n', nl - 1) + 1;
  return WRAP_WIDTHS.has(nl - start);
}

class Stop extends Error {
  constructor(readonly error: JsonError) {
    super(error.message);
  }
}

/**
 * The next backslash and line break of one text, remembered across the readers of that text: a
 * paste of many log lines starts a reader per line, and each searching afresh to the end of a
 * text without backslashes would make the paste quadratic.
 */
export class SearchMemo {
  private bsFrom = -1;
  private bsAt = -1;
  private nlFrom = -1;
  private nlAt = -1;
  /** Characters searched so far (tests count work with it, not time). */
  work = 0;
  constructor(readonly text: string) {}

  private search(s: string, p: number): number {
    const at = this.text.indexOf(s, p);
    this.work += (at < 0 ? this.text.length : at) - p;
    return at;
  }

  /** Next backslash at or after `p` (-1: none). */
  nextBackslash(p: number): number {
    // The answer for `bsFrom` holds for every p from there up to the position found.
    if (this.bsFrom < 0 || p < this.bsFrom || (this.bsAt >= 0 && p > this.bsAt)) {
      this.bsAt = this.search('\\', p);
      this.bsFrom = p;
    }
    return this.bsAt;
  }

  /** Next line break at or after `p` (-1: none). */
  nextNewline(p: number): number {
    if (this.nlFrom < 0 || p < this.nlFrom || (this.nlAt >= 0 && p > this.nlAt)) {
      this.nlAt = this.search('\n', p);
      this.nlFrom = p;
    }
    return this.nlAt;
  }
}

class Reader {
  pos: number;
  lastKey: string | null = null;
  private readonly memo: SearchMemo;
  constructor(
    readonly text: string,
    start: number,
    readonly starts: number[] | null,
    memo?: SearchMemo,
    readonly onElement?: (offset: number) => void,
  ) {
    this.pos = start;
    this.memo = memo?.text === text ? memo : new SearchMemo(text);
  }

  fail(message: string, expected: string): Stop {
    const truncated = this.pos >= this.text.length;
    return new Stop({ offset: this.pos, message, expected, truncated, lastKey: this.lastKey });
  }

  ws(): number {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff || c === 0xa0) p++;
      else break;
    }
    this.pos = p;
    return t.charCodeAt(p);
  }

  /** Reads a value into `out.v`; throws Stop after storing any partial value in `out.v`. */
  value(depth: number, out: { v: unknown }): void {
    const c = this.ws();
    if (depth > MAX_DEPTH) throw this.fail('nesting too deep', 'a shallower value');
    if (c === 123) {
      if (this.starts !== null && depth <= 1) this.starts.push(this.pos);
      return this.object(depth, out);
    }
    if (c === 91) return this.array(depth, out);
    if (c === 34) {
      out.v = this.string();
      return;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      out.v = this.number();
      return;
    }
    const t = this.text;
    for (const [word, v] of LITERALS) {
      if (t.startsWith(word, this.pos)) {
        const after = t.charCodeAt(this.pos + word.length);
        if (!(after >= 97 && after <= 122)) {
          this.pos += word.length;
          out.v = v;
          return;
        }
      }
    }
    if (this.pos >= t.length) throw this.fail('text ends where a value was expected', 'a value');
    throw this.fail(`unexpected character '${t[this.pos] ?? ''}'`, 'a value');
  }

  object(depth: number, out: { v: unknown }): void {
    const obj: Record<string, unknown> = {};
    out.v = obj;
    this.pos++;
    let c = this.ws();
    for (;;) {
      if (c === 125) {
        this.pos++;
        return;
      }
      if (c === 44) {
        this.pos++;
        c = this.ws();
        continue;
      }
      if (c !== 34) {
        throw this.pos >= this.text.length
          ? this.fail('text ends inside an object', "'}' or a member")
          : this.fail(
              `unexpected character '${this.text[this.pos] ?? ''}' in an object`,
              "'\"' or '}'",
            );
      }
      const key = this.string();
      c = this.ws();
      if (c !== 58) throw this.fail(`expected ':' after key "${key}"`, "':'");
      this.pos++;
      const slot: { v: unknown } = { v: undefined };
      try {
        this.value(depth + 1, slot);
      } catch (e) {
        // Keep partially read containers (their complete fields), drop cut scalars.
        if (slot.v !== undefined && typeof slot.v === 'object') setKey(obj, key, slot.v);
        throw e;
      }
      if (typeof slot.v === 'number' && this.pos >= this.text.length) {
        throw this.fail('text ends inside a number', 'more digits or a delimiter');
      }
      setKey(obj, key, slot.v);
      this.lastKey = key;
      c = this.ws();
    }
  }

  array(depth: number, out: { v: unknown }): void {
    const arr: unknown[] = [];
    out.v = arr;
    this.pos++;
    let c = this.ws();
    for (;;) {
      if (c === 93) {
        this.pos++;
        return;
      }
      if (c === 44) {
        this.pos++;
        c = this.ws();
        continue;
      }
      if (this.pos >= this.text.length)
        throw this.fail('text ends inside an array', "']' or a value");
      if (depth <= 1) this.onElement?.(this.pos);
      const slot: { v: unknown } = { v: undefined };
      try {
        this.value(depth + 1, slot);
      } catch (e) {
        if (slot.v !== undefined && typeof slot.v === 'object') arr.push(slot.v);
        throw e;
      }
      if (typeof slot.v === 'number' && this.pos >= this.text.length) {
        throw this.fail('text ends inside a number', 'more digits or a delimiter');
      }
      arr.push(slot.v);
      c = this.ws();
    }
  }

  /** Next backslash at or after `p` (searching afresh per string would be quadratic). */
  nextBackslash(p: number): number {
    return this.memo.nextBackslash(p);
  }

  /** Next line break at or after `p`, for the same reason (one-line JSON in a log). */
  nextNewline(p: number): number {
    return this.memo.nextNewline(p);
  }

  string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let p = start;
    let out = '';
    for (;;) {
      const q = t.indexOf('"', p);
      const b = this.nextBackslash(p);
      const nl = this.nextNewline(p);
      if (q < 0 || (nl >= 0 && nl < q && (b < 0 || nl < b))) {
        if (nl >= 0 && (q >= 0 || nl < t.length - 1) && wrappedAt(t, nl)) {
          // A console hard-wrap inside a key or value: the line break is not part of the text.
          out += t.slice(p, nl);
          p = nl + 1;
          continue;
        }
        this.pos = q < 0 ? t.length : nl;
        throw this.fail('string not closed', "'\"'");
      }
      if (b < 0 || q < b) {
        out += t.slice(p, q);
        this.pos = q + 1;
        return out;
      }
      out += t.slice(p, b);
      const e = t[b + 1];
      p = b + 2;
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          const hex = t.slice(b + 2, b + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            p = b + 6;
          } else out += 'u';
          break;
        }
        case undefined:
          this.pos = t.length;
          throw this.fail('string not closed', "'\"'");
        default:
          out += e;
      }
    }
  }

  number(): number {
    const t = this.text;
    let p = this.pos;
    if (t.charCodeAt(p) === 45) p++;
    for (;;) {
      const c = t.charCodeAt(p);
      if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45) p++;
      else break;
    }
    const n = Number(t.slice(this.pos, p));
    if (!Number.isFinite(n) || p === this.pos) throw this.fail('malformed number', 'a number');
    this.pos = p;
    return n;
  }
}

const LITERALS: readonly (readonly [string, unknown])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/**
 * Read one JSON value at `start` (leading whitespace allowed). When `starts` is given, the
 * offsets of objects at depth 0 and 1 are pushed to it (to give array elements a line).
 * `onElement` hears of each element of an array at depth 0 or 1 (where a dump's objects are)
 * before it is read, with its offset; it may throw to stop the reading.
 */
export function readJson(
  text: string,
  start = 0,
  starts: number[] | null = null,
  memo?: SearchMemo,
  onElement?: (offset: number) => void,
): JsonRead {
  const r = new Reader(text, start, starts, memo, onElement);
  const out: { v: unknown } = { v: undefined };
  try {
    r.value(0, out);
    return { value: out.v, end: r.pos, error: null };
  } catch (e) {
    if (e instanceof Stop) return { value: out.v, end: Math.max(r.pos, start + 1), error: e.error };
    if (e instanceof TooManyObjectsError) throw e; // the budget stops the whole request
    return {
      value: out.v,
      end: text.length,
      error: {
        offset: r.pos,
        message: e instanceof Error ? e.message : 'reader failure',
        expected: 'valid JSON',
        truncated: false,
        lastKey: r.lastKey,
      },
    };
  }
}

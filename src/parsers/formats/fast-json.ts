/**
 * Fast path for clean JSON inputs (the big ones: ConvertTo-Json of every endpoint and policy
 * list on a busy node). A pretty-printed top-level array is cut into its elements by their
 * closing brace at the element indentation (JSON strings cannot hold raw newlines, so that
 * line only occurs at structure), and the elements go through native JSON.parse, a batch of
 * them at a time, and straight to `emit`: the parsed trees die after their batch instead of
 * being kept whole (a damaged element is read by the tolerant reader, with a diagnostic).
 * Anything else takes one
 * JSON.parse of the whole text. Returns null when JSON.parse rejects the text (the tolerant
 * scanner takes over).
 */

import { reportDepthCutsShallow } from './depth';
import type { DiagSink } from '../diagnostics';
import { jsonHint, objectsOf, renderingOf } from './json-stream';
import { readJson } from './json-reader';
import { LineCounter } from './line-counter';
import { isRecord, type KindHint, type RawObject, type Rendering } from './raw';
import type { ReadTracker } from './read-progress';
import type { ReadCount } from '../object-budget';

type Emit = (raw: RawObject) => void;

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

function skipWs(text: string, p: number): number {
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) p++;
    else break;
  }
  return p;
}

/** Elements of a pretty-printed array: offsets and first lines, in parallel (no per-part objects). */
interface Parts {
  readonly starts: number[];
  readonly ends: number[];
  readonly lines: number[];
  /**
   * The value of the element's `SKIPPED_MEMBER`, `[skipFrom, skipTo)`, spread over several
   * lines: it need not be parsed (-1: none found).
   */
  readonly skipFrom: number[];
  readonly skipTo: number[];
}

/**
 * HNS's allocator bookkeeping (`Resources: { Allocators: [...] }`): nothing in hnsviz reads it,
 * yet it is most of the bytes of a big dump (each policy list and endpoint carries a tree of
 * them). A pretty-printed element's `Resources` value is replaced by an empty container before
 * `JSON.parse`; the element is parsed whole when that does not give valid JSON.
 */
const SKIPPED_MEMBER = '"Resources":';

/** Spaces at `from` (a line start). */
function indentAt(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return i - from;
}

/** Whether a line ends at `i` (CR or LF). */
function lineEndsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 13 || c === 10;
}

/** The closing bracket of a container opened by `open` ({ or [). */
const closerOf = (open: number): number => open + 2;

/** Whether text[from, to) is only spaces and tabs. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Cut a pretty-printed array into its elements: each ends at a line holding only `}` at the
 * element indentation. One forward pass over the line breaks (one native `indexOf` per line,
 * nothing copied) finds the ends and numbers the element lines. Null when the layout is not
 * the expected one (nothing emitted then).
 * With `crlf` the text still has its CRLF line ends: every `\n` must follow a `\r`, else null
 * (the text is normalised and read again). A CR that ends no line can only be blank space
 * between JSON tokens (a JSON string cannot hold one); it is read as such and not counted.
 */
function splitArray(text: string, open: number, crlf: boolean, count?: ReadCount): Parts | null {
  let p = skipWs(text, open + 1);
  if (text.charCodeAt(p) !== 123) return null;
  const lineStart = text.lastIndexOf('\n', p) + 1;
  if (lineStart === 0 || !blank(text, lineStart, p)) return null;
  const n = p - lineStart;
  const indent = text.slice(lineStart, p);
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  const skipFrom: number[] = [];
  const skipTo: number[] = [];
  let line = 1;
  let k = text.indexOf('\n');
  let start = p;
  for (;;) {
    // The line breaks before the element (its start line is the one of the next break)...
    while (k >= 0 && k < start) {
      if (crlf && text.charCodeAt(k - 1) !== 13) return null;
      line++;
      k = text.indexOf('\n', k + 1);
    }
    const startLine = line;
    // ... then the first `\n<indent>}` from there: the element's end. On the way, the key
    // indentation (that of the element's second line) and a multi-line `SKIPPED_MEMBER` value.
    let keys = -1;
    let from = -1;
    let to = -1;
    for (;;) {
      if (k < 0) return null;
      if (crlf && text.charCodeAt(k - 1) !== 13) return null;
      line++;
      const ls = k + 1;
      if (text.charCodeAt(ls + n) === 125 && (n === 0 || text.startsWith(indent, ls))) break;
      k = text.indexOf('\n', ls);
      if (keys < 0) {
        keys = indentAt(text, ls);
        continue;
      }
      if (
        from >= 0 ||
        text.charCodeAt(ls + keys) !== 34 ||
        !text.startsWith(SKIPPED_MEMBER, ls + keys) ||
        indentAt(text, ls) !== keys
      )
        continue;
      // The key line: the value must open at its end and its lines must all be deeper.
      let v = ls + keys + SKIPPED_MEMBER.length;
      while (text.charCodeAt(v) === 32) v++;
      const opener = text.charCodeAt(v);
      if ((opener !== 123 && opener !== 91) || v + 1 + (crlf ? 1 : 0) !== k) continue;
      // Deeper (or blank) lines belong to the value; `k` stays at the break before the first
      // line that does not, which the loop above reads next.
      for (;;) {
        if (k < 0) return null;
        const c = text.charCodeAt(k + 1);
        if (c !== 13 && c !== 10 && !blank(text, k + 1, k + 2 + keys)) break;
        if (crlf && text.charCodeAt(k - 1) !== 13) return null;
        line++;
        k = text.indexOf('\n', k + 1);
      }
      // The closer: alone on the next line at the key indentation (JSON.stringify's layout), or
      // alone on the value's last line, deeper (PowerShell's: under the opening bracket).
      const closer = closerOf(opener);
      let q: number;
      const c0 = k + 1 + keys;
      if (
        text.charCodeAt(c0) === closer &&
        indentAt(text, k + 1) === keys &&
        lineEndsAt(text, text.charCodeAt(c0 + 1) === 44 ? c0 + 2 : c0 + 1)
      ) {
        q = c0;
        if (crlf && text.charCodeAt(k - 1) !== 13) return null;
        line++;
        k = text.indexOf('\n', k + 1);
      } else {
        q = k - 1;
        while (q > v && (text.charCodeAt(q) === 13 || text.charCodeAt(q) === 32)) q--;
        if (text.charCodeAt(q) === 44) q--;
      }
      if (q > v + 1 && text.charCodeAt(q) === closer) {
        from = v;
        to = q + 1;
      }
    }
    const end = k + n + 2;
    count?.(1, startLine);
    starts.push(start);
    ends.push(end);
    lines.push(startLine);
    skipFrom.push(from);
    skipTo.push(to);
    k = text.indexOf('\n', k + 1);
    p = skipWs(text, end);
    if (text.charCodeAt(p) === 44) p = skipWs(text, p + 1);
    if (text.charCodeAt(p) === 93) break;
    if (text.charCodeAt(p) !== 123 || text.lastIndexOf('\n', p) + 1 + n !== p) return null;
    start = p;
  }
  // After the array: blank space only, and its line breaks in the same style.
  for (; k >= 0; k = text.indexOf('\n', k + 1))
    if (crlf && text.charCodeAt(k - 1) !== 13) return null;
  if (skipWs(text, p + 1) < text.length) return null;
  return { starts, ends, lines, skipFrom, skipTo };
}

/** `JSON.parse` of an element with its skipped member's value emptied; undefined if invalid. */
function parseSkipping(
  text: string,
  start: number,
  end: number,
  from: number,
  to: number,
): unknown {
  const empty = text.charCodeAt(from) === 123 ? '{}' : '[]';
  try {
    return JSON.parse(text.slice(start, from) + empty + text.slice(to, end)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Elements are read in batches of at most this many characters (one element alone may be
 * longer): one `JSON.parse` of `[e1,e2,…]` per batch. V8 allocates what `JSON.parse` builds from
 * a source of 102,400 characters or more (its pretenuring threshold) straight in the old
 * generation, so a big dump's parsed elements no longer fill the young generation and trigger
 * the scavenges that copied the model built so far (element by element, each parse was young).
 * The batch text itself stays under V8's large-object size (131,056 one-byte characters): a
 * string above it gets pages of its own, mapped fresh for every batch, which cost more than the
 * parse of the batch on some machines (0.7 ms for each 150k-character string measured on one).
 * Text with characters above U+00FF is two bytes a character, so its batches are large objects
 * either way.
 */
export const BATCH_CHARS = 131_000;

/**
 * Elements `[i, to)` (as many as fit in `batchChars` characters of batch text, at least one),
 * each with its skipped member's value emptied, parsed as one array; `values` is null when that
 * is not valid JSON or does not give one value per element (its elements are then read one by
 * one, as they always could be).
 */
function parseBatch(
  parts: Parts,
  text: string,
  i: number,
  batchChars: number,
): { to: number; values: unknown[] | null } {
  const { starts, ends, skipFrom, skipTo } = parts;
  // The text from one element to the next is copied as one piece, the separator between them
  // (blank space and the comma) included; only the skipped values are left out.
  const pieces: string[] = ['['];
  let run = starts[i]!;
  // Characters of the batch text so far, its two brackets included.
  let size = 2;
  let j = i;
  for (; j < starts.length; j++) {
    const start = starts[j]!;
    const from = skipFrom[j]!;
    const comma = j === i || commaBetween(text, ends[j - 1]!, start);
    // What this element adds: its separator (or the comma put in its place), its text, less
    // the skipped value plus the empty container put in its place.
    const add =
      (j === i ? 0 : comma ? start - ends[j - 1]! : 1) +
      ends[j]! -
      start -
      (from >= 0 ? skipTo[j]! - from - 2 : 0);
    if (j > i && size + add > batchChars) break;
    size += add;
    if (!comma) {
      pieces.push(text.slice(run, ends[j - 1]), ',');
      run = start;
    }
    if (from >= 0) {
      pieces.push(text.slice(run, from), text.charCodeAt(from) === 123 ? '{}' : '[]');
      run = skipTo[j]!;
    }
  }
  pieces.push(text.slice(run, ends[j - 1]), ']');
  try {
    const values = JSON.parse(pieces.join('')) as unknown[];
    return { to: j, values: values.length === j - i ? values : null };
  } catch {
    return { to: j, values: null };
  }
}

/** Whether text[from, to) (what lies between two elements) holds their comma. */
function commaBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 44) return true;
  return false;
}

/** The closing quote of the JSON string opened at `q` (-1: none). */
function stringEnd(text: string, q: number): number {
  let e = text.indexOf('"', q + 1);
  for (;;) {
    if (e < 0) return -1;
    let b = e - 1;
    while (text.charCodeAt(b) === 92) b--;
    // An even run of backslashes before it: the quote closes the string.
    if ((e - 1 - b) % 2 === 0) return e;
    e = text.indexOf('"', e + 1);
  }
}

/**
 * Count, without parsing, the elements of the arrays at the top two levels of the JSON text
 * from `p` (where a dump's objects are: a top-level array, an envelope's `Output`), one call
 * per element with its line; `count` throws to stop. One pass: strings are skipped whole.
 */
function countElements(text: string, p: number, count: ReadCount): void {
  let line = 1 + countBreaks(text, 0, p);
  let depth = 0;
  /** Whether the container open at depth 1 / 2 is an array. */
  let array1 = false;
  let array2 = false;
  /** An array at depth ≤ 2 was just opened: its first element (if any) comes next. */
  let first = false;
  for (let i = p; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (first) {
      first = false;
      if (c !== 93) count(1, line);
    }
    if (c === 34) {
      const e = stringEnd(text, i);
      if (e < 0) return;
      i = e;
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth <= 2) {
        const isArray = c === 91;
        if (depth === 1) array1 = isArray;
        else array2 = isArray;
        first = isArray;
      }
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && ((depth === 1 && array1) || (depth === 2 && array2))) count(1, line);
  }
}

/**
 * `crlf`: the text is not newline-normalised yet (its first line break is CRLF). Only a big
 * pretty-printed array is read then; null (nothing emitted, no diagnostic) means "normalise
 * the newlines and call again". `batchChars` (0: one element at a time) is for tests that
 * compare both ways of reading. `count` hears of every element as it is found, before it is
 * parsed (an object budget stops the reading there); when the text is given back (null),
 * what was counted is given back too (`count(-n, 0)`), as it will be read again.
 */
export function locateObjects(
  text: string,
  hint: KindHint,
  sink: DiagSink,
  emit: Emit,
  crlf = false,
  batchChars = BATCH_CHARS,
  track?: ReadTracker,
  count?: ReadCount,
): Rendering | null {
  const p = skipWs(text, 0);
  const c = text[p];
  if (c !== '{' && c !== '[') return null;
  let counted = 0;
  const counting: ReadCount | undefined = count
    ? (n, line) => {
        counted += n;
        count(n, line);
      }
    : undefined;
  const giveBack = (): null => {
    if (count && counted !== 0) count(-counted, 0);
    counted = 0;
    return null;
  };
  const parts = c === '[' && text.length > 65536 ? splitArray(text, p, crlf, counting) : null;
  if (parts === null) giveBack();
  if (parts === null && crlf) return null;
  // The first 600 characters of the normalised text (CRLF counts as one).
  const sample = crlf ? text.slice(p, p + 1200).replace(/\r\n/g, '\n') : text.slice(p, p + 600);
  const rendering = renderingOf(sample.slice(0, 600), false);
  if (parts !== null) {
    const { starts, ends, lines, skipFrom, skipTo } = parts;
    let batch: unknown[] | null = null;
    let batchFrom = 0;
    let batchTo = 0;
    for (let i = 0; i < starts.length; i++) {
      const line = lines[i]!;
      const start = starts[i]!;
      const end = ends[i]!;
      const from = skipFrom[i]!;
      track?.at(start, line);
      if (i >= batchTo && batchChars > 0) {
        batchFrom = i;
        const b = parseBatch(parts, text, i, batchChars);
        batchTo = b.to;
        batch = b.values;
      }
      let value =
        batch !== null
          ? batch[i - batchFrom]
          : from >= 0
            ? parseSkipping(text, start, end, from, skipTo[i]!)
            : undefined;
      if (value === undefined) {
        try {
          value = JSON.parse(text.slice(start, end));
        } catch {
          // A damaged element: read what can be read, say where it broke, go on.
          let slice = text.slice(start, end);
          if (crlf) slice = slice.replace(/\r\n/g, '\n');
          const r = readJson(slice);
          value = r.value;
          if (r.error) {
            const at = line + countBreaks(slice, 0, r.error.offset);
            sink.add(r.error.truncated ? 'W_TRUNCATED' : 'E_JSON_SYNTAX', at, 1, r.error.message, {
              expected: r.error.expected,
              hint: jsonHint(r.error),
            });
          }
        }
      }
      if (isRecord(value) && !('Output' in value)) {
        // The usual element: one object (what objectsOf gives, without its arrays).
        reportDepthCutsShallow(value, line, sink);
        emit({ value, line, rendering, hint });
        continue;
      }
      for (const o of objectsOf(value)) {
        reportDepthCutsShallow(o, line, sink);
        emit({ value: o, line, rendering, hint });
      }
    }
    return rendering;
  }
  // Counted before `JSON.parse` builds it all: millions of tiny values stop early.
  if (counting) countElements(text, p, counting);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return giveBack();
  }
  const lines = new LineCounter(text);
  let cursor = p;
  // An object's line is where its id is next found. A miss reads to the end of the text, so
  // misses may read at most twice the text in all (then objects get the last line found).
  let missBudget = 2 * text.length;
  for (const o of objectsOf(value)) {
    const id = o['ID'] ?? o['Id'] ?? o['id'];
    if (typeof id === 'string' && id !== '' && missBudget > 0) {
      const at = text.indexOf(id, cursor);
      if (at >= 0) cursor = at;
      else missBudget -= text.length - cursor;
    }
    const line = lines.lineAt(cursor);
    reportDepthCutsShallow(o, line, sink);
    emit({ value: o, line, rendering, hint });
  }
  return rendering;
}

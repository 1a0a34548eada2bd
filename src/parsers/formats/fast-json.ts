/**
 * Fast path for clean JSON inputs (the big ones: ConvertTo-Json of every endpoint and policy
 * list on a busy node). A pretty-printed top-level array is cut into its elements by their
 * closing brace at the element indentation (JSON strings cannot hold raw newlines, so that
 * line only occurs at structure), and each element goes through native JSON.parse and straight
 * to `emit`: the parsed tree dies young instead of being kept whole (a damaged element is read
 * by the tolerant reader, with a diagnostic). Anything else takes one
 * JSON.parse of the whole text. Returns null when JSON.parse rejects the text (the tolerant
 * scanner takes over).
 */

import { reportDepthCutsShallow } from './depth';
import type { DiagSink } from '../diagnostics';
import { jsonHint, objectsOf, renderingOf } from './json-stream';
import { readJson } from './json-reader';
import { LineCounter } from './line-counter';
import { isRecord, type KindHint, type RawObject, type Rendering } from './raw';

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
}

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
function splitArray(text: string, open: number, crlf: boolean): Parts | null {
  let p = skipWs(text, open + 1);
  if (text.charCodeAt(p) !== 123) return null;
  const lineStart = text.lastIndexOf('\n', p) + 1;
  if (lineStart === 0 || !blank(text, lineStart, p)) return null;
  const n = p - lineStart;
  const indent = text.slice(lineStart, p);
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
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
    // ... then the first `\n<indent>}` from there: the element's end.
    for (;;) {
      if (k < 0) return null;
      if (crlf && text.charCodeAt(k - 1) !== 13) return null;
      line++;
      if (text.charCodeAt(k + 1 + n) === 125 && (n === 0 || text.startsWith(indent, k + 1))) break;
      k = text.indexOf('\n', k + 1);
    }
    const end = k + n + 2;
    starts.push(start);
    ends.push(end);
    lines.push(startLine);
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
  return { starts, ends, lines };
}

/**
 * `crlf`: the text is not newline-normalised yet (its first line break is CRLF). Only a big
 * pretty-printed array is read then; null (nothing emitted, no diagnostic) means "normalise
 * the newlines and call again".
 */
export function locateObjects(
  text: string,
  hint: KindHint,
  sink: DiagSink,
  emit: Emit,
  crlf = false,
): Rendering | null {
  const p = skipWs(text, 0);
  const c = text[p];
  if (c !== '{' && c !== '[') return null;
  const parts = c === '[' && text.length > 65536 ? splitArray(text, p, crlf) : null;
  if (parts === null && crlf) return null;
  // The first 600 characters of the normalised text (CRLF counts as one).
  const sample = crlf ? text.slice(p, p + 1200).replace(/\r\n/g, '\n') : text.slice(p, p + 600);
  const rendering = renderingOf(sample.slice(0, 600), false);
  if (parts !== null) {
    const { starts, ends, lines } = parts;
    for (let i = 0; i < starts.length; i++) {
      const line = lines[i]!;
      const start = starts[i]!;
      const end = ends[i]!;
      let value: unknown;
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
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

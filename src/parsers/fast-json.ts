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
import type { DiagSink } from './diagnostics';
import { jsonHint, objectsOf, renderingOf } from './json-stream';
import { readJson } from './json-reader';
import type { KindHint, RawObject, Rendering } from './raw';

class LineLocator {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  /** 1-based line of `pos`; positions must not decrease between calls. */
  lineAt(pos: number): number {
    const t = this.text;
    if (pos < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let nl = t.indexOf('\n', this.offset);
    while (nl >= 0 && nl < pos) {
      this.line++;
      this.offset = nl + 1;
      nl = t.indexOf('\n', this.offset);
    }
    return this.line;
  }
}

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

interface Part {
  readonly start: number;
  readonly end: number;
  line: number;
}

/**
 * Cut a pretty-printed array into its elements: each ends at a line holding only `}` at the
 * element indentation. Null when the layout is not the expected one (nothing emitted then).
 */
function splitArray(text: string, open: number, lines: LineLocator): Part[] | null {
  let p = skipWs(text, open + 1);
  if (text[p] !== '{') return null;
  const lineStart = text.lastIndexOf('\n', p) + 1;
  if (lineStart === 0) return null;
  const indent = text.slice(lineStart, p);
  if (!/^[ \t]*$/.test(indent)) return null;
  const closer = '\n' + indent + '}';
  const parts: Part[] = [];
  for (;;) {
    const end = text.indexOf(closer, p);
    if (end < 0) return null;
    parts.push({ start: p, end: end + closer.length, line: 0 });
    p = skipWs(text, end + closer.length);
    if (text[p] === ',') p = skipWs(text, p + 1);
    if (text[p] === ']') break;
    if (text[p] !== '{' || text.lastIndexOf('\n', p) + 1 + indent.length !== p) return null;
  }
  if (skipWs(text, p + 1) < text.length) return null;
  // Number the lines only once the layout is known to fit (one forward pass).
  for (const part of parts) part.line = lines.lineAt(part.start);
  return parts;
}

export function locateObjects(
  text: string,
  hint: KindHint,
  sink: DiagSink,
  emit: Emit,
): Rendering | null {
  const p = skipWs(text, 0);
  const c = text[p];
  if (c !== '{' && c !== '[') return null;
  const rendering = renderingOf(text.slice(p, p + 600), false);
  const lines = new LineLocator(text);
  const parts = c === '[' && text.length > 65536 ? splitArray(text, p, lines) : null;
  if (parts !== null) {
    for (const part of parts) {
      const line = part.line;
      let value: unknown;
      try {
        value = JSON.parse(text.slice(part.start, part.end));
      } catch {
        // A damaged element: read what can be read, say where it broke, go on.
        const r = readJson(text.slice(part.start, part.end));
        value = r.value;
        if (r.error) {
          const at = part.line + countBreaks(text, part.start, part.start + r.error.offset);
          sink.add(r.error.truncated ? 'W_TRUNCATED' : 'E_JSON_SYNTAX', at, 1, r.error.message, {
            expected: r.error.expected,
            hint: jsonHint(r.error),
          });
        }
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
  let cursor = p;
  for (const o of objectsOf(value)) {
    const id = o['ID'] ?? o['Id'] ?? o['id'];
    if (typeof id === 'string' && id !== '') {
      const at = text.indexOf(id, cursor);
      if (at >= 0) cursor = at;
    }
    const line = lines.lineAt(cursor);
    reportDepthCutsShallow(o, line, sink);
    emit({ value: o, line, rendering, hint });
  }
  return rendering;
}

/**
 * JSON inside a cleaned paste: one value, several values back to back (hnsdiag -df), compact
 * JSON after a log prefix, or backslash-escaped JSON inside a quoted log string. Cut-off and
 * broken values keep their complete fields and produce a located diagnostic.
 */

import { reportDepthCuts } from './depth';
import { findGoStruct } from './go-struct';
import { continuationOf, readJsonFragment } from './json-fragment';
import { readJson, SearchMemo, type JsonError } from './json-reader';
import { lineIndexOf } from './line-counter';
import { isRecord, type Rendering } from './raw';
import type { LineReader, ScanState } from './reader';

export function renderingOf(sample: string, logPrefix: boolean): Rendering {
  if (sample.includes('":  ')) return 'json-ps51';
  if (!sample.includes('\n')) return logPrefix ? 'log-json' : 'json';
  if (/"[A-Za-z]\w*":[^\s]/.test(sample) && sample.includes('\n    "')) return 'hnsdiag-json';
  return logPrefix ? 'log-json' : 'json-indented';
}

/** Objects in a parsed value: array elements, `{Success, Output}` REST envelopes unwrapped. */
export function objectsOf(value: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 3) return [];
  if (Array.isArray(value))
    return value.flatMap((v) => (isRecord(v) ? objectsOf(v, depth + 1) : []));
  if (!isRecord(value)) return [];
  if ('Output' in value && ('Success' in value || Object.keys(value).length <= 2)) {
    const inner = objectsOf(value['Output'], depth + 1);
    if (inner.length > 0) return inner;
  }
  return [value];
}

export function jsonHint(e: JsonError): string {
  if (e.truncated) {
    return e.lastKey !== null
      ? `this looks cut off after \`${e.lastKey}\`: paste the rest, or re-run with 'ConvertTo-Json -Depth 10'`
      : "this looks cut off: paste the rest, or re-run with 'ConvertTo-Json -Depth 10'";
  }
  return 'fix or remove the damaged line; everything readable before it was kept';
}

/** Where JSON starts in a line: at the line start or after a log prefix. */
export function findJson(line: string): { at: number; escaped: boolean } | null {
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c !== 123 && c !== 91) continue;
    const rest = line.slice(k + 1, k + 8).trimStart();
    const escaped = rest.startsWith('\\"') || rest.startsWith('{\\"');
    if (escaped) return { at: k, escaped: true };
    if (c === 123 && (rest.startsWith('"') || rest === '' || rest.startsWith('}')))
      return { at: k, escaped: false };
    if (
      c === 91 &&
      (rest.startsWith('{') || rest === '' || rest.startsWith(']') || rest.startsWith('"'))
    )
      return { at: k, escaped: false };
    if (k > 200) return null;
  }
  return null;
}

/** JSON at the start of a line or after a log prefix (unless a Go struct starts earlier). */
export const jsonReader: LineReader = {
  name: 'json',
  renderings: ['json', 'json-ps51', 'json-indented', 'hnsdiag-json', 'log-json', 'escaped-json'],
  detect(line) {
    const json = findJson(line);
    if (json === null) return false;
    const go = findGoStruct(line);
    return go < 0 || json.at < go;
  },
  read(i, s) {
    const json = findJson(s.doc.lines[i] ?? '');
    return json === null ? i + 1 : readJsonStream(s, i, json.at, json.escaped);
  },
};

/** One search memo per paste, shared by the readers of its lines. */
const MEMOS = new WeakMap<ScanState, SearchMemo>();
function memoOf(s: ScanState, full: string): SearchMemo {
  let m = MEMOS.get(s);
  if (m?.text !== full) MEMOS.set(s, (m = new SearchMemo(full)));
  return m;
}

/** Read JSON values from line `lineIdx`, column `col`; returns the first line not read. */
function readJsonStream(s: ScanState, lineIdx: number, col: number, escaped: boolean): number {
  const { doc, sink, hint } = s;
  const objects = s.out.objects;
  const renderings = s.out.renderings;
  const lineNoAt = (idx: number): number => doc.lineNo[idx] ?? idx + 1;
  const push = (
    value: unknown,
    objStarts: readonly number[],
    lineOf: (off: number) => number,
    r: Rendering,
  ): void => {
    const list = objectsOf(value);
    const topIsArray = Array.isArray(value);
    list.forEach((o, k) => {
      const off = objStarts[topIsArray ? k : 0] ?? objStarts[0] ?? 0;
      const line = lineOf(off);
      reportDepthCuts(o, 'value', line, 1, sink);
      objects.push({ value: o, line, rendering: r, hint });
    });
  };

  if (escaped) {
    const raw = (doc.lines[lineIdx] ?? '').slice(col);
    const unescaped = unescape(raw);
    const objStarts: number[] = [];
    const line = lineNoAt(lineIdx);
    const counting = s.count;
    const r = readJson(
      unescaped,
      0,
      objStarts,
      undefined,
      counting ? () => counting(1, line) : undefined,
    );
    sink.add('I_UNESCAPED', line, col + 1, 'read backslash-escaped JSON');
    renderings.add('escaped-json');
    const last = r.error?.truncated === true ? continuationOf(doc, lineIdx) : lineIdx;
    if (last > lineIdx) {
      // The log line was wrapped: the value goes on in the next lines.
      const joined = unescape([raw, ...doc.lines.slice(lineIdx + 1, last + 1)].join('\n'));
      const f = readJsonFragment(joined, 0);
      for (const o of f.objects) {
        reportDepthCuts(o, 'value', line, 1, sink);
        objects.push({ value: o, line, rendering: 'escaped-json', hint });
      }
      sink.add(
        'I_REWRAPPED',
        line,
        col + 1,
        `the escaped JSON goes on over ${last - lineIdx} more line(s); they were joined`,
      );
      if (f.cutTail)
        sink.add(
          'W_TRUNCATED',
          lineNoAt(last),
          1,
          'input ends inside a JSON value; the complete fields were kept',
          {
            hint: 'paste the rest of the log line',
          },
        );
      return last + 1;
    }
    if (r.value !== undefined) push(r.value, objStarts, () => line, 'escaped-json');
    if (r.error) report(r.error, line, col + 1 + r.error.offset);
    return lineIdx + 1;
  }

  const full = s.text();
  const starts = s.starts();
  const found = new Set<Rendering>();
  let offset = (starts[lineIdx] ?? 0) + col;
  const logPrefix = (doc.lines[lineIdx] ?? '').slice(0, col).trim() !== '';
  const lineOf = (off: number): number => lineNoAt(lineIndexOf(starts, off));
  /** True when `p` is the first non-blank character of its line (where -df objects start). */
  const startsLine = (p: number): boolean => {
    const li = lineIndexOf(starts, p);
    const l = doc.lines[li] ?? '';
    return (starts[li] ?? 0) + (l.length - l.trimStart().length) === p;
  };
  let nextLine: number;
  let count = 0;
  const counting = s.count;
  const onElement = counting ? (off: number) => counting(1, lineOf(off)) : undefined;
  for (;;) {
    const objStarts: number[] = [];
    // A value that is not an array (hnsdiag -df: objects back to back) counts as one.
    if (counting && full.charCodeAt(offset) !== 91) counting(1, lineOf(offset));
    const r = readJson(full, offset, objStarts, memoOf(s, full), onElement);
    const sample = full.slice(offset, Math.min(full.length, r.end, offset + 600));
    const rendering = count > 0 ? 'hnsdiag-json' : renderingOf(sample, logPrefix);
    if (r.value !== undefined) push(r.value, objStarts, lineOf, rendering);
    found.add(rendering);
    count++;
    if (r.error) {
      const li = lineIndexOf(starts, Math.min(r.error.offset, full.length - 1));
      report(r.error, lineNoAt(li), r.error.offset - (starts[li] ?? 0) + 1);
      nextLine = li + 1;
      break;
    }
    nextLine = lineIndexOf(starts, Math.max(offset, r.end - 1)) + 1;
    let p = r.end;
    while (p < full.length && /\s/.test(full[p] ?? '')) p++;
    const c = full[p];
    if ((c === '{' || c === '[') && startsLine(p)) {
      offset = p;
      continue;
    }
    break;
  }
  if (count > 1) {
    found.delete('json-indented');
    found.delete('json');
    found.add('hnsdiag-json');
  }
  for (const rd of found) renderings.add(rd);
  return nextLine;

  function report(e: JsonError, line: number, column: number): void {
    if (e.truncated) {
      sink.add('W_TRUNCATED', line, column, `input ends inside a JSON value (${e.message})`, {
        expected: e.expected,
        hint: jsonHint(e),
      });
    } else {
      sink.add('E_JSON_SYNTAX', line, column, e.message, {
        expected: e.expected,
        hint: jsonHint(e),
      });
    }
  }
}

/** Undo one level of backslash escaping (`\\"` → `"`, `\\\\` → `\\`). */
function unescape(text: string): string {
  return text.replace(/\\(["\\/])/g, '$1');
}

/**
 * JSON pasted in pieces: a chunk that starts inside an object (inside a key, a string or a
 * nested value), that lost a few brackets to the paste, or that a console or issue page wrapped
 * in the middle of a string. The fields that are there still make an object:
 *
 * - a chunk that starts inside a string resumes after its closing quote; a value whose key was
 *   cut is dropped;
 * - a closer with no opener in the chunk closes the object the chunk started in, and what follows
 *   belongs to its (unseen) parent; children whose key was cut off are dropped, so a nested `ID`
 *   never becomes the object's own;
 * - a key where a value was expected (`"MacPools" : "EndMacAddress" : …`) means an opener was
 *   lost: a nested object is started; a closer that does not match is ignored;
 * - a line break inside a string is a hard wrap and is removed; a number cut at the end is
 *   dropped, never guessed.
 *
 * One pass over the text, no recursion.
 */

import type { Doc } from '../decode/cleanup';
import { commandOf } from './commands';
import { lineIndexOf } from './line-counter';
import { setKey } from './raw';
import type { LineReader } from './reader';

type Kind = 'obj' | 'arr' | '?';

interface Box {
  kind: Kind;
  readonly obj: Record<string, unknown>;
  readonly items: unknown[];
  key: string | null;
  /** Opened before the chunk started: its opener was never seen. */
  readonly implicit: boolean;
  /** The container this chunk started in, when this box is its parent (element if an array). */
  child: Box | null;
}

export interface FragmentRead {
  /** The outermost objects read (array elements are listed one by one). */
  readonly objects: Record<string, unknown>[];
  /** Offset just after the last character read. */
  readonly end: number;
  /** The chunk started inside a value. */
  readonly cutHead: boolean;
  /** The text ended inside a value. */
  readonly cutTail: boolean;
}

const box = (kind: Kind, implicit: boolean): Box => ({
  kind,
  obj: {},
  items: [],
  key: null,
  implicit,
  child: null,
});

function valueOf(b: Box): unknown {
  if (b.kind === 'arr') return b.items;
  return b.obj;
}

function put(b: Box, v: unknown): void {
  if (b.kind !== 'arr' && b.key !== null) {
    b.kind = 'obj';
    setKey(b.obj, b.key, v);
    b.key = null;
  } else if (b.kind !== 'obj') {
    if (b.kind === '?') {
      b.kind = 'arr';
      if (b.child !== null) b.items.push(valueOf(b.child));
    }
    b.items.push(v);
  }
  // A value in an object without a key: its key was cut off; dropped.
}

const LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const WS = /[ \t\r\n\u00a0\ufeff]/;

/** Does `line` start inside a JSON object (a key or the tail of a string, then JSON)? */
export function startsInsideJson(line: string): boolean {
  const m = /^\s*(?:\\*"[A-Za-z]\w*\\*"|[\w.\- ]{0,80}?\\*")\s*[:,}\]]/.exec(line);
  if (m === null) return false;
  // Some `"Key":` pair must follow, or this is prose with a quote in it.
  return /\\*"[A-Za-z]\w*\\*"\s*:/.test(line);
}

/**
 * Read a JSON chunk from `start`. `explicit` chunks start at `{` or `[`; any other start is read
 * as the inside of an object whose head was cut.
 */
export function readJsonFragment(text: string, start: number): FragmentRead {
  let p = start;
  while (p < text.length && WS.test(text[p]!)) p++;
  const holder = box('arr', false);
  const stack: Box[] = [holder];
  let cutHead = false;
  let dropValue = false;
  const first = text[p];
  if (first !== '{' && first !== '[') {
    cutHead = true;
    stack.push(box('?', true));
    if (first !== '"') {
      // Inside a string: resume after its closing quote.
      const q = text.indexOf('"', p);
      p = q < 0 ? text.length : q + 1;
      let k = p;
      while (k < text.length && WS.test(text[k]!)) k++;
      if (text[k] === ':') {
        dropValue = true; // the key itself was cut
        p = k + 1;
      }
    }
  }
  let cutTail = false;
  const top = (): Box => stack[stack.length - 1]!;
  const nextNonWs = (from: number): string | undefined => {
    let k = from;
    while (k < text.length && WS.test(text[k]!)) k++;
    return text[k];
  };
  const assign = (v: unknown): void => {
    if (dropValue) {
      dropValue = false;
      return;
    }
    put(top(), v);
  };
  const open = (kind: Kind): void => {
    const b = box(kind, false);
    if (dropValue) dropValue = false;
    else put(top(), kind === 'arr' ? b.items : b.obj);
    stack.push(b);
  };

  scan: while (p < text.length) {
    const c = text[p]!;
    if (WS.test(c)) {
      p++;
      continue;
    }
    switch (c) {
      case '"': {
        let s = '';
        let k = p + 1;
        for (;;) {
          if (k >= text.length) {
            cutTail = true;
            p = k;
            break scan;
          }
          const ch = text[k]!;
          if (ch === '"') break;
          if (ch === '\n' || ch === '\r') {
            k++; // a hard wrap inside a string
            continue;
          }
          if (ch === '\\') {
            const e = text[k + 1];
            if (e === undefined) {
              cutTail = true;
              p = k + 1;
              break scan;
            }
            if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) {
              s += String.fromCharCode(parseInt(text.slice(k + 2, k + 6), 16));
              k += 6;
              continue;
            }
            s += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
            k += 2;
            continue;
          }
          s += ch;
          k++;
        }
        p = k + 1;
        if (nextNonWs(p) === ':') {
          p = text.indexOf(':', p) + 1;
          const b = top();
          if (b === holder) break scan;
          if (b.kind !== 'arr' && b.key !== null) {
            // A key where a value belongs: the opener of a nested object was lost.
            open('obj');
          } else if (b.kind === 'arr') {
            // A key inside an array: an object's opener was lost.
            open('obj');
          }
          top().key = s;
          top().kind = top().kind === '?' ? 'obj' : top().kind;
        } else assign(s);
        continue;
      }
      case '{':
      case '[':
        if (top() === holder && holder.items.length > 0) break scan;
        open(c === '{' ? 'obj' : 'arr');
        p++;
        continue;
      case '}':
      case ']': {
        const kind: Kind = c === '}' ? 'obj' : 'arr';
        const b = top();
        if (b === holder) break scan;
        p++;
        if (b.implicit && stack.length === 2) {
          // The object this chunk started in ends here; what follows is its parent's.
          if (b.kind === '?') {
            b.kind = kind;
            if (kind === 'arr' && b.child !== null) b.items.unshift(valueOf(b.child));
          }
          const parent = box('?', true);
          parent.child = b;
          stack[1] = parent;
          const n = nextNonWs(p);
          if (n !== ',' && n !== '}' && n !== ']') break scan;
          continue;
        }
        if (b.kind === kind || b.kind === '?') {
          stack.pop();
        } else if (stack.length > 2 && stack[stack.length - 2]!.kind === kind) {
          stack.pop(); // the closer of `b` was lost
          stack.pop();
        } else continue; // a stray closer: ignored
        if (top() === holder) break scan;
        continue;
      }
      case ',':
        if (top().kind !== 'arr') top().key = null;
        p++;
        continue;
      case ':':
        dropValue = true; // a value whose key is missing
        p++;
        continue;
      default: {
        LITERAL.lastIndex = p;
        const m = LITERAL.exec(text);
        if (m === null) break scan; // not JSON any more
        p += m[0].length;
        if (p >= text.length && /\d$/.test(m[0])) {
          cutTail = true; // a number cut at the end: dropped
          break scan;
        }
        assign(JSON.parse(m[0]) as unknown);
        continue;
      }
    }
  }
  if (p >= text.length && top() !== holder) cutTail = true;
  const root = stack.length > 1 ? stack[1]! : null;
  const value = root === null ? holder.items[0] : rootValue(root);
  return { objects: objectsIn(value), end: p, cutHead, cutTail };
}

function rootValue(b: Box): unknown {
  if (b.kind === '?') return b.child !== null ? valueOf(b.child) : undefined;
  return valueOf(b);
}

function objectsIn(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter((x): x is Record<string, unknown> => isObj(x));
  return isObj(v) && Object.keys(v).length > 0 ? [v] : [];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A line that starts a new log record, prompt or section rather than continuing the last. */
const NEW_RECORD =
  /^\s*(?:$|\[\d|\d{4}[-/]\d\d|[IWEF]\d{4} |time=|\{"level"|#|```|>\s*$|(?:LAYER|GROUP|RULE|Port name)\s*:)/;

/** The last line that continues line `i` (a value wrapped over several lines); at most 200. */
export function continuationOf(doc: Doc, i: number): number {
  let j = i;
  while (j + 1 < doc.lines.length && j - i < 200) {
    const next = doc.lines[j + 1] ?? '';
    if (NEW_RECORD.test(next) || commandOf(next) !== null) break;
    j++;
  }
  return j;
}

/** JSON that starts inside an object: a chunk cut from a bigger paste or a wrapped log line. */
export const jsonFragmentReader: LineReader = {
  name: 'json-fragment',
  renderings: ['json-fragment'],
  detect: (line) => startsInsideJson(line),
  read(i, s) {
    const { doc, sink } = s;
    const lineNo = (k: number): number => doc.lineNo[k] ?? k + 1;
    const first = doc.lines[i] ?? '';
    const escaped = /\\"/.test(first.slice(0, 200));
    let objects: Record<string, unknown>[];
    let next: number;
    let cutHead: boolean;
    let cutTail: boolean;
    if (escaped) {
      const last = continuationOf(doc, i);
      const text = doc.lines
        .slice(i, last + 1)
        .join('\n')
        .replace(/\\(["\\/])/g, '$1');
      const f = readJsonFragment(text, 0);
      ({ objects, cutHead, cutTail } = f);
      next = i + 1 + (text.slice(0, f.end).match(/\n/g)?.length ?? 0);
      sink.add('I_UNESCAPED', lineNo(i), 1, 'read backslash-escaped JSON');
    } else {
      const starts = s.starts();
      const f = readJsonFragment(s.text(), starts[i] ?? 0);
      ({ objects, cutHead, cutTail } = f);
      next = lineIndexOf(starts, Math.max(f.end - 1, starts[i] ?? 0)) + 1;
    }
    const line = lineNo(i);
    for (const value of objects)
      s.out.objects.push({ value, line, rendering: 'json-fragment', hint: s.hint });
    s.out.renderings.add('json-fragment');
    if (cutHead)
      sink.add(
        'W_TRUNCATED',
        line,
        1,
        `the paste starts inside a JSON object; ${objects.length > 0 ? 'the fields after the cut were kept' : 'nothing readable followed the cut'}`,
        { hint: 'paste the whole object, from its opening brace' },
      );
    if (cutTail)
      sink.add(
        'W_TRUNCATED',
        lineNo(Math.max(i, next - 1)),
        1,
        'input ends inside a JSON value; the complete fields were kept',
        {
          hint: 'paste the rest of the object',
        },
      );
    return Math.max(next, i + 1);
  },
};

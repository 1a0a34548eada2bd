/**
 * PowerShell's default list view (`Key<pad> : value` blocks, blank line between objects) and the
 * newer hnsdiag block layout (`Endpoint : <id>` with indented `Name :` / `IP Address :` lines).
 * Continuation lines are recognised by indentation or, when the paste lost it, by not looking
 * like a key line.
 */

import type { DiagSink } from '../diagnostics';
import type { Doc } from '../decode/cleanup';
import { hasEllipsis, psValue } from './ps-value';
import type { KindHint, RawObject } from './raw';
import { addObjects, type LineReader } from './reader';
import { reportDepthCuts } from './depth';

/** `Key<spaces> : value` (value may be empty). Keys: words, dashes, dots, parentheses. */
const KEY_LINE = /^(\s*)([A-Za-z][\w.()/-]*(?: [\w.()/-]+)*?)\s+:(?: (.*))?$/;
const GUID = /^\{?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\}?$/;
const BLOCK_KEYS: Readonly<Record<string, KindHint>> = {
  Endpoint: 'endpoint',
  Network: 'network',
  LoadBalancer: 'loadbalancer',
  Namespace: 'namespace',
};

export function isKeyLine(line: string): boolean {
  return KEY_LINE.test(line);
}

export function isHnsdiagBlockStart(line: string): boolean {
  const m = KEY_LINE.exec(line);
  return m !== null && (m[1] ?? '') === '' && m[2]! in BLOCK_KEYS && GUID.test((m[3] ?? '').trim());
}

interface Field {
  key: string;
  text: string;
  line: number;
  valueCol: number;
  /** Length of the field's last physical line: a full console width means a token was cut. */
  lastLen: number;
}

/** PowerShell wraps at spaces, except a token longer than the room left, cut at the width. */
const CONSOLE_WIDTHS = new Set([
  80, 100, 111, 119, 120, 132, 140, 150, 160, 180, 200, 220, 240, 250, 256, 300,
]);

export interface FlResult {
  readonly objects: RawObject[];
  readonly next: number;
  readonly blocks: boolean;
}

/** Parse list-view objects starting at line `i`; stops at a line `stop(line)` accepts. */
/** Per paste, its last line with content (not blank, not a Markdown fence); -1 if none. */
const LAST_CONTENT = new WeakMap<Doc, number>();
function lastContentLine(doc: Doc): number {
  let last = LAST_CONTENT.get(doc);
  if (last === undefined) {
    last = doc.lines.length - 1;
    for (; last >= 0; last--) {
      const l = (doc.lines[last] ?? '').trim();
      if (l !== '' && !l.startsWith('```')) break;
    }
    LAST_CONTENT.set(doc, last);
  }
  return last;
}

export function parseFormatList(
  doc: Doc,
  start: number,
  sink: DiagSink,
  hint: KindHint,
  stop: (line: string) => boolean,
): FlResult {
  const objects: RawObject[] = [];
  const first = KEY_LINE.exec(doc.lines[start] ?? '');
  const blocks = first !== null && isHnsdiagBlockStart(doc.lines[start] ?? '');
  const blockHint = blocks ? (BLOCK_KEYS[first[2] ?? ''] ?? null) : hint;
  let fields: Field[] = [];
  let seen = new Set<string>();

  let atEnd = false;
  const flush = (): void => {
    if (fields.length === 0) return;
    const value: Record<string, unknown> = {};
    for (const f of fields) {
      let text = f.text;
      if (blocks) {
        const hash = text.indexOf(' ###');
        if (hash >= 0) text = text.slice(0, hash);
      }
      const v = psValue(text);
      const key = blocks ? blockKey(f.key) : f.key;
      value[key] = v;
      if (hasEllipsis(v)) {
        sink.add(
          'W_LIST_TRUNCATED',
          f.line,
          f.valueCol + 1,
          `PowerShell cut the list in '${f.key}' short ('...')`,
          {
            hint: "re-run with '$FormatEnumerationLimit=-1' or pipe to 'ConvertTo-Json -Depth 10'",
          },
        );
      }
      reportDepthCuts(v, f.key, f.line, f.valueCol + 1, sink);
      const t = text.trim();
      if ((t.startsWith('{') || t.startsWith('@{')) && !t.endsWith('}')) {
        sink.add(
          atEnd ? 'W_TRUNCATED' : 'W_BAD_VALUE',
          f.line,
          f.valueCol + 1,
          `'${f.key}' is not closed with '}'`,
          {
            expected: "'}'",
            hint: atEnd
              ? `this looks cut off after \`${f.key}\`: paste the rest`
              : 'the value lost part of its text; paste it again',
          },
        );
      }
    }
    objects.push({
      value,
      line: fields[0]!.line,
      rendering: blocks ? 'hnsdiag-blocks' : 'format-list',
      hint: blockHint,
    });
    fields = [];
    seen = new Set();
  };

  let i = start;
  for (; i < doc.lines.length; i++) {
    const line = doc.lines[i] ?? '';
    const no = doc.lineNo[i] ?? i + 1;
    if (line.trim() === '') {
      atEnd = i > lastContentLine(doc);
      flush();
      // A blank line ends an object; the list goes on only if a key line follows.
      let j = i + 1;
      while (j < doc.lines.length && (doc.lines[j] ?? '').trim() === '') j++;
      const nextLine = doc.lines[j] ?? '';
      if (j >= doc.lines.length || !KEY_LINE.test(nextLine) || stop(nextLine)) {
        i = j;
        break;
      }
      i = j - 1;
      continue;
    }
    if (stop(line) && i !== start) break;
    const m = KEY_LINE.exec(line);
    const last = fields[fields.length - 1];
    const indent = line.length - line.trimStart().length;
    const isField =
      m !== null &&
      (last === undefined || blocks || indent < last.valueCol || indent === 0) &&
      !(blocks && m[2] === first?.[2] && indent > 0);
    if (isField) {
      const key = m[2] ?? '';
      if (blocks && key === first?.[2] && indent === 0 && fields.length > 0) flush();
      else if (!blocks && seen.has(key)) flush();
      seen.add(key);
      const value = m[3] ?? '';
      fields.push({
        key,
        text: value,
        line: no,
        valueCol: line.length - value.length,
        lastLen: line.length,
      });
    } else if (last !== undefined && indent === 0 && isCutKey(doc, i)) {
      // The paste ends in the middle of the next key (`Na` after `Name : nat`): not a value.
      sink.add('W_TRUNCATED', no, 1, `the paste ends inside a key ('${line.trim()}')`, {
        hint: 'paste the rest of the object',
      });
      i++;
      break;
    } else if (last !== undefined) {
      last.text += (CONSOLE_WIDTHS.has(last.lastLen) ? '' : ' ') + line.trim();
      last.lastLen = line.length;
    } else break;
  }
  atEnd = i >= doc.lines.length;
  flush();
  return { objects, next: i, blocks };
}

/**
 * A bare word at column 0 on the last line of a paste is the start of a key that was cut off:
 * continuation lines are indented (or, when the paste lost its indentation, not the last line).
 */
function isCutKey(doc: Doc, i: number): boolean {
  if (!/^[A-Za-z][\w.-]*$/.test(doc.lines[i] ?? '')) return false;
  for (let k = i + 1; k < doc.lines.length; k++) {
    const t = (doc.lines[k] ?? '').trim();
    if (t !== '' && !t.startsWith('```')) return false;
  }
  return true;
}

function blockKey(key: string): string {
  if (key in BLOCK_KEYS) return 'ID';
  if (key === 'IP Address') return 'IPAddress';
  if (key === 'Virtual Network Name') return 'VirtualNetworkName';
  if (key === 'Virtual Network') return 'VirtualNetwork';
  return key.replace(/ /g, '');
}

export const formatListReader: LineReader = {
  name: 'format-list',
  renderings: ['format-list', 'hnsdiag-blocks'],
  detect: (line) => isKeyLine(line) || isHnsdiagBlockStart(line),
  read(i, s) {
    const r = parseFormatList(s.doc, i, s.sink, s.hint, (l) => s.isStop(l));
    addObjects(s, r.objects, r.blocks ? 'hnsdiag-blocks' : 'format-list');
    return r.next;
  },
};

/**
 * PowerShell error records: `New-HnsNetwork : <message>`, then `At line:1 char:1` (or
 * `At C:\k\hns.psm1:233 char:16`), the echoed code and `+ CategoryInfo …` lines. HNS errors
 * often carry the object in the message (`@{Error=…; Output=@{ID=…; Name=…}}` or the request
 * JSON); that object is read, and the error itself is reported so it is not lost.
 */

import { readJsonFragment } from './json-fragment';
import { psValue } from './ps-value';
import { isRecord, type RawObject } from './raw';
import type { LineReader } from './reader';

const HEAD = /^([A-Z][A-Za-z]*-[A-Za-z]\w*) : (.*)$/;
const AT = /^\s*At (?:line:\d+ char:\d+|\S.*:\d+ char:\d+)\s*$/;
const TRAILER = /^\s*(?:\+|~)/;

/** Within the next few lines, the `At …` line that closes the message; -1 when none. */
function atLine(lines: readonly string[], i: number): number {
  for (let k = i + 1; k < lines.length && k <= i + 8; k++) {
    const l = lines[k] ?? '';
    if (AT.test(l)) return k;
    if (l.trim() === '') return -1;
  }
  return -1;
}

const HNS_KEYS = ['ID', 'Id', 'Name', 'Type', 'IPAddress', 'Subnets', 'VirtualNetwork'];

/** The HNS objects an error message carries. */
function objectsIn(message: string): Record<string, unknown>[] {
  const json = /[{[]\s*"/.exec(message);
  if (json !== null) return readJsonFragment(message, json.index).objects;
  const hash = message.indexOf('@{');
  if (hash < 0) return [];
  const v = psValue(message.slice(hash));
  if (!isRecord(v)) return [];
  for (const key of ['Output', 'output']) {
    const o = v[key];
    if (isRecord(o)) return [o];
    if (Array.isArray(o)) return o.filter(isRecord);
  }
  return HNS_KEYS.some((k) => k in v) ? [v] : [];
}

export const psErrorReader: LineReader = {
  name: 'ps-error',
  renderings: ['ps-error'],
  detect: (line, i, s) => HEAD.test(line) && atLine(s.doc.lines, i) > 0,
  read(i, s) {
    const { doc, sink } = s;
    const at = atLine(doc.lines, i);
    const head = HEAD.exec(doc.lines[i] ?? '');
    const cmdlet = head?.[1] ?? '';
    const message = [head?.[2] ?? '', ...doc.lines.slice(i + 1, at).map((l) => l.trim())].join(' ');
    let end = at + 1;
    while (end < doc.lines.length && TRAILER.test(doc.lines[end] ?? '')) end++;
    const line = doc.lineNo[i] ?? i + 1;
    const objects = objectsIn(message);
    const out: RawObject[] = objects.map((value) => ({
      value,
      line,
      rendering: 'ps-error',
      hint: s.hint,
    }));
    for (const o of out) s.out.objects.push(o);
    s.out.renderings.add('ps-error');
    const error =
      /Error=([^;}]*)/.exec(message)?.[1]?.trim() ?? message.replace(/@\{.*$/, '').trim();
    sink.add(
      'I_ERROR_RECORD',
      line,
      1,
      `${cmdlet} reported an error${error !== '' ? `: ${error.slice(0, 200)}` : ''}${objects.length > 0 ? `; the object in its message was read` : ''}`,
    );
    return end;
  },
};

/**
 * vfpctrl text: `/list-vmswitch-port` records and the `LAYER :` / `GROUP :` / `RULE :` blocks of
 * `/list-layer`, `/list-group`, `/list-rule`. The port, layer and group a block belongs to come
 * from the enclosing blocks or from the command line (`vfpctrl /port P /layer L /list-rule`).
 */

import type { Doc } from '../decode/cleanup';
import type { RawVfp, VfpContext } from './raw';
import type { LineReader } from './reader';

const HEADER = /^\s*(LAYER|GROUP|RULE)\s*:\s*(.*)$/;
const PORT_START = /^\s*Port name\s*:\s*(.*)$/;
const KV = /^\s*([A-Za-z][^:]*?)\s*:\s*(.*)$/;

export function isVfpStart(line: string): boolean {
  return HEADER.test(line) || PORT_START.test(line);
}

export function isVfpBanner(line: string): boolean {
  const t = line.trim();
  return t === 'ITEM LIST' || /^={5,}$/.test(t);
}

export interface VfpResult {
  readonly items: RawVfp[];
  readonly next: number;
  readonly context: VfpContext;
}

const indentOf = (l: string): number => l.length - l.trimStart().length;

/** A line the author put in place of what they left out (`...`, `…`, `<snip>`, `[...]`). */
const ELIDED = /^\s*(?:\.{3,}|…|\[\.{3}\]|\[…\]|<\s*(?:snip|snipped|truncated|\.{3})\s*>)\s*$/i;

export function parseVfp(doc: Doc, start: number, ctx0: VfpContext): VfpResult {
  const items: RawVfp[] = [];
  let ctx = ctx0;
  let i = start;
  while (i < doc.lines.length) {
    const line = doc.lines[i] ?? '';
    if (line.trim() === '' || isVfpBanner(line) || ELIDED.test(line)) {
      i++;
      continue;
    }
    const port = PORT_START.exec(line);
    const head = port ? null : HEADER.exec(line);
    if (!port && !head) break;
    const kind = port ? 'port' : (head![1]!.toLowerCase() as 'layer' | 'group' | 'rule');
    const name = ((port ? port[1] : head![2]) ?? '').trim();
    const fields: Record<string, string> = {};
    const conditions: Record<string, string> = {};
    const ruleData: string[] = [];
    const line0 = doc.lineNo[i] ?? i + 1;
    if (port) fields['Port name'] = name;
    let mode: 'fields' | 'conditions' | 'data' = 'fields';
    let condIndent = 0;
    let j = i + 1;
    for (; j < doc.lines.length; j++) {
      const l = doc.lines[j] ?? '';
      if (l.trim() === '' || HEADER.test(l) || PORT_START.test(l) || isVfpBanner(l)) break;
      const t = l.trim();
      if (ELIDED.test(l)) continue; // the author left lines out; the block goes on
      if (mode === 'conditions' && indentOf(l) > condIndent) {
        const m = KV.exec(l);
        if (m) conditions[m[1] ?? ''] = (m[2] ?? '').trim();
        continue;
      }
      if (mode === 'data' && !t.startsWith('FlagsEx')) {
        ruleData.push(t);
        continue;
      }
      mode = 'fields';
      if (t === 'Conditions:') {
        mode = 'conditions';
        condIndent = indentOf(l);
        continue;
      }
      if (t === 'Rule Data:') {
        mode = 'data';
        continue;
      }
      const m = KV.exec(l);
      if (!m) break;
      fields[m[1] ?? ''] = (m[2] ?? '').trim();
    }
    // A port record goes on after blank lines with more `Key : value` lines (NIC statistics,
    // drop counters `property : reason : value`), up to the next port or another block.
    while (port) {
      let k = j;
      while (k < doc.lines.length && (doc.lines[k] ?? '').trim() === '') k++;
      const l = doc.lines[k] ?? '';
      if (k >= doc.lines.length || k === j || !KV.test(l) || isVfpStart(l) || isVfpBanner(l)) break;
      for (j = k; j < doc.lines.length; j++) {
        const m = KV.exec(doc.lines[j] ?? '');
        if (!m || isVfpStart(doc.lines[j] ?? '')) break;
        fields[m[1] ?? ''] ??= (m[2] ?? '').trim();
      }
    }
    if (kind === 'layer') ctx = { ...ctx, layer: name, group: null };
    if (kind === 'group') ctx = { ...ctx, group: name };
    if (kind === 'port') ctx = { port: name, layer: null, group: null };
    items.push({ kind, name, fields, conditions, ruleData, line: line0, context: ctx });
    i = j;
  }
  return { items, next: i, context: ctx };
}

/** Context from a `vfpctrl /port X /layer L /group G /list-…` command line. */
export function vfpContextFromCommand(
  line: string,
  vars: ReadonlyMap<string, string>,
): VfpContext | null {
  if (!/vfpctrl/i.test(line)) return null;
  const arg = (flag: string): string | null => {
    const m = new RegExp(`/${flag}\\s+(\\S+)`, 'i').exec(line);
    if (!m) return null;
    const v = m[1] ?? '';
    return v.startsWith('$')
      ? (vars.get(v.slice(1).toLowerCase()) ?? null)
      : v.replace(/^["']|["']$/g, '');
  };
  return { port: arg('port'), layer: arg('layer'), group: arg('group') };
}

export const vfpctrlReader: LineReader = {
  name: 'vfpctrl',
  renderings: ['vfpctrl-rules', 'vfpctrl-ports'],
  detect: (line) => isVfpBanner(line) || isVfpStart(line),
  read(i, s) {
    const out = s.out;
    out.renderings.add('vfpctrl-rules');
    const r = parseVfp(s.doc, i, s.vfp);
    for (const it of r.items) {
      out.vfp.push(it);
      if (it.kind === 'port') out.renderings.add('vfpctrl-ports');
    }
    if (!r.items.some((it) => it.kind !== 'port')) out.renderings.delete('vfpctrl-rules');
    if (r.items.length === 0) out.renderings.add('vfpctrl-rules');
    s.vfp = r.context;
    return r.next;
  },
};

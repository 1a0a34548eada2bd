/**
 * Walk a cleaned paste line by line and hand each run of lines to the parser of its kind:
 * JSON (pretty, compact inside log lines, backslash-escaped, concatenated hnsdiag -df objects),
 * Go structs, Format-List, hnsdiag tables and blocks, vfpctrl. Prompts and command lines are
 * separators that also give context (which object kind, which VFP port/layer/group).
 */

import type { Doc } from '../decode/cleanup';
import type { DiagSink } from '../diagnostics';
import { isHnsdiagBlockStart, isKeyLine, parseFormatList } from './format-list';
import { findGoStruct, parseGoStruct } from './go-struct';
import { isHnsdiagTableStart, parseHnsdiagTables } from './hnsdiag';
import { readJsonStream } from './json-stream';
import { emptyExtracted, type Extracted, type KindHint, type VfpContext } from './raw';
import { isVfpBanner, isVfpStart, parseVfp, vfpContextFromCommand } from './vfpctrl';
import {
  hostCommandOf,
  hostHeadingOf,
  parseIpconfig,
  parseRoutePrint,
  type HostCommand,
} from './host-text';

const PROMPT =
  /^\s*(?:PS(?: [A-Za-z]:[^>]*)?>|[A-Za-z]:\\[^>]*>|\$ |[a-z_][\w.-]*@[\w.-]+[:~][^$#]*[$#] )\s?(.*)$/;
const BARE_COMMAND =
  /^\s*(?:Get-HNS\w*|Get-Hcn\w*|hnsdiag(?:\.exe)?\s|vfpctrl(?:\.exe)?\s|\$\w+\s*=|kubectl\s|Import-Module\s)/i;
const LOG_LINE = /^\s*(?:[IWEF]\d{4} |\d{4}-\d\d-\d\d|time=|\[\d)/;

export function commandOf(line: string): string | null {
  const m = PROMPT.exec(line);
  if (m) return m[1] ?? '';
  return BARE_COMMAND.test(line) ? line.trim() : null;
}

function hintOf(cmd: string, prev: KindHint): KindHint {
  const c = cmd.toLowerCase();
  if (/get-h(?:ns|cn)network/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+networks/.test(c))
    return 'network';
  if (/get-h(?:ns|cn)endpoint/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+endpoints/.test(c))
    return 'endpoint';
  if (/get-hnspolicylist/.test(c)) return 'policylist';
  if (/get-h(?:ns|cn)loadbalancer/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+loadbalancers/.test(c))
    return 'loadbalancer';
  if (/get-h(?:ns|cn)namespace/.test(c) || /hnsdiag(?:\.exe)?\s+list\s+namespaces/.test(c))
    return 'namespace';
  if (c.trim() === '') return prev;
  return null;
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

export function scanDoc(doc: Doc, sink: DiagSink, nameHint: KindHint = null): Extracted {
  const out = emptyExtracted();
  const vars = new Map<string, string>();
  let hint: KindHint = nameHint;
  let vfpCtx: VfpContext = { port: null, layer: null, group: null };
  let unparsedFrom = -1;
  let unparsedCount = 0;
  let recognised = false;
  const lines = doc.lines;
  const starts: number[] = new Array<number>(lines.length);
  let off = 0;
  for (let k = 0; k < lines.length; k++) {
    starts[k] = off;
    off += (lines[k] ?? '').length + 1;
  }
  let full: string | null = null;
  const text = (): string => (full ??= lines.join('\n'));

  const flushUnparsed = (): void => {
    if (unparsedCount > 0) {
      sink.add(
        'W_UNPARSED_LINES',
        doc.lineNo[unparsedFrom] ?? 1,
        1,
        `${unparsedCount} line(s) not understood, skipped`,
        {
          expected: 'HNS JSON, a PowerShell list view, hnsdiag or vfpctrl output',
        },
      );
    }
    unparsedCount = 0;
    unparsedFrom = -1;
  };
  const isStop = (l: string): boolean =>
    commandOf(l) !== null || isVfpStart(l) || isHnsdiagTableStart(l);

  /** Read a `route print` / `ipconfig` section from line `from` up to the next prompt or `#` line. */
  const hostSection = (kind: HostCommand, from: number): number => {
    let end = from;
    while (end < lines.length) {
      const l = lines[end] ?? '';
      if (l.trimStart().startsWith('#') || commandOf(l) !== null) break;
      end++;
    }
    const body = lines.slice(from, end);
    const lineNo = (k: number): number => doc.lineNo[from + k] ?? from + k + 1;
    const label = kind === 'route-print' ? 'route print' : 'ipconfig /all';
    const read =
      kind === 'route-print'
        ? parseRoutePrint(body, lineNo, out.host)
        : parseIpconfig(body, lineNo, out.host);
    const at = doc.lineNo[from] ?? from + 1;
    // Known output either way: not an unknown format, even when none of it was read.
    out.renderings.add(kind);
    recognised = true;
    if (read > 0) {
      sink.add(
        'I_HOST_TEXT',
        at,
        1,
        kind === 'route-print'
          ? `${label}: ${read} IPv4 route(s) read as the node's host routes (loopback, multicast and on-link host routes left out)`
          : `${label}: ${read} adapter(s) read as the node's host interfaces`,
      );
    } else if (body.some((l) => l.trim() !== '')) {
      sink.add(
        'I_HOST_TEXT',
        at,
        1,
        `${label}: nothing hnsviz reads was recognised (other language or layout?); skipped`,
      );
    }
    return end;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('```')) {
      i++;
      continue;
    }
    const cmd = commandOf(line);
    if (cmd !== null) {
      flushUnparsed();
      hint = hintOf(cmd, hint);
      const assign = /^\s*\$(\w+)\s*=\s*["']?([^"']*)["']?\s*$/.exec(cmd);
      if (assign) vars.set((assign[1] ?? '').toLowerCase(), assign[2] ?? '');
      const ctx = vfpContextFromCommand(cmd, vars);
      if (ctx) vfpCtx = ctx;
      const host = hostCommandOf(cmd);
      i = host ? Math.max(hostSection(host, i + 1), i + 1) : i + 1;
      continue;
    }
    if (/^\s*(?:={20,}|\/{20,})\s*$/.test(line)) {
      i++; // the ruler lines of `route print` and `hnsdiag list all`
      continue;
    }
    const heading = hostHeadingOf(line);
    if (heading) {
      flushUnparsed();
      i = Math.max(hostSection(heading, i), i + 1);
      continue;
    }
    if (isVfpBanner(line) || isVfpStart(line)) {
      flushUnparsed();
      out.renderings.add('vfpctrl-rules');
      recognised = true;
      const r = parseVfp(doc, i, vfpCtx);
      for (const it of r.items) {
        out.vfp.push(it);
        if (it.kind === 'port') out.renderings.add('vfpctrl-ports');
      }
      if (!r.items.some((it) => it.kind !== 'port')) out.renderings.delete('vfpctrl-rules');
      if (r.items.length === 0) out.renderings.add('vfpctrl-rules');
      vfpCtx = r.context;
      i = Math.max(r.next, i + 1);
      continue;
    }
    if (isHnsdiagTableStart(line)) {
      flushUnparsed();
      const r = parseHnsdiagTables(doc, i, hint);
      out.objects.push(...r.objects);
      out.renderings.add('hnsdiag-table');
      recognised = true;
      i = Math.max(r.next, i + 1);
      continue;
    }
    const go = findGoStruct(line);
    const json = findJson(line);
    if (json !== null && (go < 0 || json.at < go)) {
      flushUnparsed();
      const r = readJsonStream(doc, starts, text, i, json.at, json.escaped, hint, sink);
      out.objects.push(...r.objects);
      for (const rd of r.renderings) out.renderings.add(rd);
      recognised = true;
      i = Math.max(r.nextLine, i + 1);
      continue;
    }
    if (go >= 0) {
      flushUnparsed();
      const g = parseGoStruct(line.slice(go));
      if (g.value !== null && typeof g.value === 'object' && !Array.isArray(g.value)) {
        out.objects.push({
          value: g.value as Record<string, unknown>,
          line: doc.lineNo[i] ?? i + 1,
          rendering: 'go-struct',
          hint,
        });
        out.renderings.add('go-struct');
        recognised = true;
      }
      i++;
      continue;
    }
    if (isKeyLine(line) || isHnsdiagBlockStart(line)) {
      flushUnparsed();
      const r = parseFormatList(doc, i, sink, hint, isStop);
      out.objects.push(...r.objects);
      out.renderings.add(r.blocks ? 'hnsdiag-blocks' : 'format-list');
      recognised = true;
      i = Math.max(r.next, i + 1);
      continue;
    }
    if (!LOG_LINE.test(line)) {
      if (unparsedFrom < 0) unparsedFrom = i;
      unparsedCount++;
    }
    i++;
  }
  flushUnparsed();
  if (!recognised) out.renderings.clear();
  return out;
}

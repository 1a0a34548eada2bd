/**
 * Walk a cleaned paste line by line and hand each run of lines to the first reader of the
 * registry that detects it. Prompts and command lines are separators that also give context
 * (which object kind, which VFP port/layer/group, which host command's output follows).
 */

import { cleanUp, type Doc } from '../decode/cleanup';
import { DiagSink } from '../diagnostics';
import { commandOf, hintOf } from './commands';
import { isHnsdiagTableStart } from './hnsdiag';
import { hostCommandOf } from './host-text';
import { emptyExtracted, type Extracted, type KindHint } from './raw';
import type { ReadTracker } from './read-progress';
import type { LineReader, ScanState } from './reader';
import type { ReadCount } from '../object-budget';
import { LINE_READERS } from './registry';
import { isVfpStart, vfpContextFromCommand } from './vfpctrl';

export { commandOf } from './commands';

const LOG_LINE = /^\s*(?:[IWEF]\d{4} |\d{4}-\d\d-\d\d|time=|\[\d)/;
/** The ruler lines of `route print` and `hnsdiag list all`. */
const RULER = /^\s*(?:={20,}|\/{20,})\s*$/;

const isStop = (l: string): boolean =>
  commandOf(l) !== null || isVfpStart(l) || isHnsdiagTableStart(l);

function readerFor(line: string, i: number, s: ScanState): LineReader | null {
  for (const r of LINE_READERS) if (r.detect(line, i, s)) return r;
  return null;
}

function newState(doc: Doc, sink: DiagSink, hint: KindHint, count?: ReadCount): ScanState {
  let starts: number[] | null = null;
  let full: string | null = null;
  return {
    doc,
    sink,
    out: emptyExtracted(),
    hint,
    vfp: { port: null, layer: null, group: null },
    hostCommand: null,
    starts() {
      if (starts === null) {
        const lines = doc.lines;
        starts = new Array<number>(lines.length);
        let off = 0;
        for (let k = 0; k < lines.length; k++) {
          starts[k] = off;
          off += (lines[k] ?? '').length + 1;
        }
      }
      return starts;
    },
    text: () => (full ??= doc.lines.join('\n')),
    isStop,
    ...(count ? { count } : {}),
  };
}

/** The reader that takes the first run of `text` (what the scanner would read first), or null. */
export function readerAt(text: string): string | null {
  const sink = new DiagSink('probe');
  const s = newState(cleanUp(text, sink), sink, null);
  const lines = s.doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const t = line.trim();
    if (t === '' || t.startsWith('#') || RULER.test(line)) continue;
    const cmd = commandOf(line);
    if (cmd !== null) {
      s.hostCommand = hostCommandOf(cmd);
      continue;
    }
    const r = readerFor(line, i, s);
    if (r !== null) return r.name;
  }
  return null;
}

/**
 * Walk a cleaned paste: commands give context, every other line is offered to the readers of
 * the registry; lines no reader takes (outside log lines) are reported as skipped.
 */
export function scanDoc(
  doc: Doc,
  sink: DiagSink,
  nameHint: KindHint = null,
  track?: ReadTracker,
  count?: ReadCount,
): Extracted {
  const s = newState(doc, sink, nameHint, count);
  // Progress is an offset in the cleaned lines (what the readers walk).
  const starts = track ? s.starts() : null;
  if (track && starts) {
    const lastLine = doc.lines.length - 1;
    track.over(lastLine < 0 ? 0 : (starts[lastLine] ?? 0) + (doc.lines[lastLine] ?? '').length + 1);
  }
  const vars = new Map<string, string>();
  let unparsedFrom = -1;
  let unparsedCount = 0;
  let recognised = false;
  const lines = doc.lines;

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

  let i = 0;
  while (i < lines.length) {
    if (starts) track?.at(starts[i] ?? 0, doc.lineNo[i] ?? i + 1);
    const line = lines[i] ?? '';
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('```')) {
      i++;
      continue;
    }
    const cmd = commandOf(line);
    if (cmd !== null) {
      flushUnparsed();
      s.hint = hintOf(cmd, s.hint);
      const assign = /^\s*\$(\w+)\s*=\s*["']?([^"']*)["']?\s*$/.exec(cmd);
      if (assign) vars.set((assign[1] ?? '').toLowerCase(), assign[2] ?? '');
      const ctx = vfpContextFromCommand(cmd, vars);
      if (ctx) s.vfp = ctx;
      s.hostCommand = hostCommandOf(cmd);
      i++;
      continue;
    }
    if (RULER.test(line)) {
      i++;
      continue;
    }
    const reader = readerFor(line, i, s);
    if (reader !== null) {
      flushUnparsed();
      recognised = true;
      const found = s.out.objects.length + s.out.vfp.length;
      const line = doc.lineNo[i] ?? i + 1;
      i = Math.max(reader.read(i, s), i + 1);
      // The JSON reader counts as it reads; the others' runs are counted here.
      const more = s.out.objects.length + s.out.vfp.length - found;
      if (count && reader.name !== 'json' && more > 0) count(more, line);
      continue;
    }
    if (!LOG_LINE.test(line)) {
      if (unparsedFrom < 0) unparsedFrom = i;
      unparsedCount++;
    }
    i++;
  }
  flushUnparsed();
  if (!recognised) s.out.renderings.clear();
  return s.out;
}

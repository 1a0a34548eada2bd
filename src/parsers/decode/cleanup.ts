/**
 * Undo paste damage line by line, keeping the original line number of every cleaned line:
 * markdown / Select-String `> ` prefixes, lines run together and padded to the console width,
 * console hard-wraps at a fixed width (even inside keys and GUIDs), trailing spaces.
 * Indentation is kept: the structural parsers read it relative to their own blocks.
 */

import type { DiagSink } from '../diagnostics';

export interface Doc {
  /** Cleaned lines, without newline characters. */
  readonly lines: string[];
  /** 1-based line number in the decoded input of each cleaned line. */
  readonly lineNo: number[];
}

const WIDTHS = [120, 119, 111, 80, 100, 132, 150, 160, 200];
/** Console widths seen in pastes: a hard-wrap is only undone at one of these. */
/** Widths common enough to trust a single wrapped line. */
const TYPICAL = [80, 111, 119, 120];
const CONSOLE = [80, 100, 111, 119, 120, 132, 140, 150, 160, 180, 200, 220, 240, 250, 256, 300];

function splitLines(text: string): string[] {
  return text.split('\n');
}

/** `> ` quote prefixes (markdown quotes, Select-String match marker), possibly nested. */
function stripQuotes(lines: string[]): number {
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] ?? '';
    if (l.charCodeAt(0) !== 62 || l.startsWith('>>')) continue;
    while (l.charCodeAt(0) === 62 && (l.length === 1 || l[1] === ' ')) l = l.slice(2);
    lines[i] = l;
    n++;
  }
  return n;
}

/** A line holding several console rows padded with spaces to width W: split it back. */
function unpad(
  lines: string[],
  lineNo: number[],
): { lines: string[]; lineNo: number[]; n: number } {
  let n = 0;
  const outL: string[] = [];
  const outN: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const no = lineNo[i] ?? i + 1;
    let done = false;
    const table = l.length >= 160 ? tableRows(l) : null;
    if (table !== null) {
      for (const row of table) {
        outL.push(row);
        outN.push(no);
      }
      n++;
      done = true;
    }
    if (!done && l.length >= 160 && !l.trimStart().startsWith('#')) {
      for (const w of WIDTHS) {
        if (l.length < 2 * w) continue;
        const chunks = Math.ceil(l.length / w);
        let padded = 0;
        for (let c = 1; c < chunks; c++) {
          if (l.charCodeAt(c * w - 1) === 32 && l.charCodeAt(c * w - 2) === 32) padded++;
        }
        if (padded >= Math.max(1, (chunks - 1) * 0.6)) {
          for (let c = 0; c < chunks; c++) {
            outL.push(l.slice(c * w, (c + 1) * w).trimEnd());
            outN.push(no);
          }
          n++;
          done = true;
          break;
        }
      }
    }
    if (!done) {
      outL.push(l);
      outN.push(no);
    }
  }
  return { lines: outL, lineNo: outN, n };
}

/**
 * A Format-Table output run together into one padded line: its width is the distance from the
 * header row to the `----` row, found where every dash group sits under a header word of the
 * same length. Whatever comes before the header (the prompt and command) stays one line.
 */
function tableRows(l: string): string[] | null {
  const m = /(?:^| {2})(-+(?: +-+)+) /.exec(l);
  if (m === null) return null;
  const dash = m.index + m[0].indexOf('-');
  const groups: [number, number][] = [];
  for (const g of m[1]!.matchAll(/-+/g)) groups.push([g.index, g[0].length]);
  for (let w = 40; w <= 400 && w <= dash; w++) {
    const head = dash - w;
    const fits = groups.every(([o, len]) => {
      const word = l.slice(head + o, head + o + len);
      return (
        /^\S+$/.test(word) &&
        (l[head + o + len] ?? ' ') === ' ' &&
        (o === 0 || l[head + o - 1] === ' ')
      );
    });
    if (!fits || l.slice(dash + w - 1, dash + w).trim() !== '') continue;
    const rows = [l.slice(0, head).trimEnd()];
    for (let k = head; k < l.length; k += w) rows.push(l.slice(k, k + w).trimEnd());
    return rows;
  }
  return null;
}

/** Detect a console width: the longest length, held by at least two lines (or a typical width). */
function wrapWidth(lines: string[]): number | null {
  // Lines ending in a space were padded (tables), not cut; '#' lines are comments. A cut line
  // is followed by the rest of its text, which starts without indentation.
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (l.charCodeAt(0) === 35 || l.charCodeAt(l.length - 1) === 32) continue;
    if (next === '' || next.charCodeAt(0) === 32) continue;
    if (CONSOLE.includes(l.length)) counts.set(l.length, (counts.get(l.length) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const w of CONSOLE) {
    const count = counts.get(w) ?? 0;
    if (count === 0 || (count === 1 && !TYPICAL.includes(w))) continue;
    // Word-wrapped text (PowerShell's own list view) has many lines just under the width and
    // few exactly at it; a console hard-wrap cuts every long line at exactly the width.
    let near = 0;
    let longer = 0;
    for (const l of lines) {
      if (l.charCodeAt(0) === 35) continue;
      if (l.length > w) longer++;
      else if (l.length >= w - 8) near++;
    }
    if (longer === 0 && count >= near * 0.6) best = w;
  }
  return best;
}

/** Join every line of exactly `w` characters with the line after it. */
function unwrap(
  lines: string[],
  lineNo: number[],
  w: number,
): { lines: string[]; lineNo: number[]; n: number } {
  const outL: string[] = [];
  const outN: number[] = [];
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] ?? '';
    const no = lineNo[i] ?? i + 1;
    let last = l;
    while (last.length === w && i + 1 < lines.length) {
      last = lines[i + 1] ?? '';
      l += last;
      i++;
      n++;
    }
    outL.push(l);
    outN.push(no);
  }
  return { lines: outL, lineNo: outN, n };
}

/** Remove the indentation every non-blank line shares (markdown code blocks, comments). */
function dedent(lines: string[]): void {
  let min = Infinity;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const ind = l.length - l.trimStart().length;
    if (ind < min) min = ind;
    if (min === 0) return;
  }
  if (!Number.isFinite(min)) return;
  for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] ?? '').slice(min);
}

export function cleanUp(text: string, sink: DiagSink): Doc {
  const lines = splitLines(text);
  let quoted = stripQuotes(lines);
  dedent(lines);
  quoted += stripQuotes(lines);
  if (quoted > 0) sink.add('I_UNQUOTED', 1, 1, `removed '> ' quote prefixes from ${quoted} lines`);
  let lineNo = lines.map((_, i) => i + 1);
  const p = unpad(lines, lineNo);
  if (p.n > 0) {
    sink.add('I_REWRAPPED', 1, 1, `split ${p.n} lines that were run together and padded`);
    stripQuotes(p.lines);
  }
  let cur = p.lines;
  lineNo = p.lineNo;
  const w = wrapWidth(cur);
  if (w !== null) {
    const u = unwrap(cur, lineNo, w);
    if (u.n > 0) {
      sink.add('I_REWRAPPED', 1, 1, `joined ${u.n} lines hard-wrapped at ${w} columns`);
      cur = u.lines;
      lineNo = u.lineNo;
    }
  }
  for (let i = 0; i < cur.length; i++) {
    const l = cur[i] ?? '';
    const c = l.charCodeAt(l.length - 1);
    if (c === 32 || c === 9) cur[i] = l.trimEnd();
  }
  return { lines: cur, lineNo };
}

/**
 * The matrix's outputs (`hnsviz.matrix/1` JSON, CSV, the terminal text) as a sequence of
 * pieces of about a mebibyte, so a big matrix is never one string: a 20 MB dump's 1.1 million
 * cells written whole passed V8's longest string (`RangeError: Invalid string length`), and
 * the 2.2 million of a two-node cluster did so in the text output too.
 *
 * A row's cells are read through a cache by cell index: a row holds few distinct cells, and a
 * templated one (`Matrix.templated`) is filled in for its source once, not once per column.
 */
import { cellAt } from './compute';
import type { Matrix, MatrixCell, MatrixDestination, MatrixSource } from './types';

export interface OutputOptions {
  /** Keep only dropped cells (the source and destination lists stay whole). */
  readonly onlyDrops?: boolean;
}

/** The fields `hnsviz.matrix/1` gives a source, a destination, a cell after its pair. */
export const docSource = (s: MatrixSource) => ({
  id: s.id,
  label: s.label,
  ip: s.ip,
  node: s.node,
});
export const docDestination = (d: MatrixDestination) => ({
  id: d.id,
  label: d.label,
  ip: d.ip,
  port: d.port,
  proto: d.proto,
  kind: d.kind,
});
export const docCellFields = (c: MatrixCell) => ({
  verdict: c.verdict,
  reason: c.reason,
  layer: c.layer,
  group: c.group,
  rule: c.rule,
  priority: c.priority,
  backend: c.backend,
  at: c.at,
});

/** About how many characters each piece holds (a longer line is a piece of its own). */
export const CHUNK_CHARS = 1 << 20;

export const keep = (c: MatrixCell, o: OutputOptions) => !o.onlyDrops || c.verdict === 'dropped';

/**
 * Source `i`'s cells by destination, each distinct cell index turned into `f`'s value once
 * (null where the row or the cell is not computed).
 */
function rowReader<T>(
  m: Matrix,
  i: number,
  f: (c: MatrixCell) => T,
): (j: number) => { c: MatrixCell; v: T } | null {
  const row = m.rows[i];
  const seen = new Map<number, { c: MatrixCell; v: T } | null>();
  return (j) => {
    if (!row) return null;
    const ci = row[j]!;
    let hit = seen.get(ci);
    if (hit === undefined) {
      const c = cellAt(m, i, j);
      seen.set(ci, (hit = c ? { c, v: f(c) } : null));
    }
    return hit;
  };
}

/** Every kept cell of `m`, row by row, as `line(source, destination, cell, f(cell))`. */
function* cellLines<T>(
  m: Matrix,
  o: OutputOptions,
  f: (c: MatrixCell) => T,
  line: (i: number, j: number, c: MatrixCell, v: T) => string,
): Generator<string> {
  for (let i = 0; i < m.sources.length; i++) {
    const read = rowReader(m, i, f);
    for (let j = 0; j < m.destinations.length; j++) {
      const hit = read(j);
      if (hit && keep(hit.c, o)) yield line(i, j, hit.c, hit.v);
    }
  }
}

/** `lines`, each followed by `sep`, joined into pieces of about `size` characters. */
export function* chunked(
  lines: Iterable<string>,
  sep: string,
  size = CHUNK_CHARS,
): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const l of lines) {
    buf.push(l, sep);
    n += l.length + sep.length;
    if (n >= size) {
      yield buf.join('');
      buf = [];
      n = 0;
    }
  }
  if (buf.length > 0) yield buf.join('');
}

/** A JSON list's items, one per line, at `indent` (an empty list stays `[]`). */
function* jsonList(items: Iterable<string>, indent: string, last: boolean): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${indent}  ${item}`;
    first = false;
  }
  yield `${first ? '[]' : `\n${indent}]`}${last ? '' : ','}`;
}

/**
 * The `hnsviz.matrix/1` document in pieces: the fields as `toMatrixDoc` gives them, each item
 * of `sources`, `destinations` and `cells` on a line of its own.
 */
export function matrixJsonChunks(
  m: Matrix,
  o: OutputOptions = {},
  size = CHUNK_CHARS,
): Generator<string> {
  function* pieces(): Generator<string> {
    yield `{\n  "format": "hnsviz.matrix/1",\n  "topology": ${JSON.stringify(m.topology)},\n  "sources": `;
    yield* jsonList(
      m.sources.map((s) => JSON.stringify(docSource(s))),
      '  ',
      false,
    );
    yield '\n  "destinations": ';
    yield* jsonList(
      m.destinations.map((d) => JSON.stringify(docDestination(d))),
      '  ',
      false,
    );
    yield '\n  "cells": ';
    // The fields after the pair, written once per distinct cell of a row.
    const rest = (c: MatrixCell) => JSON.stringify(docCellFields(c)).slice(1);
    const ids = (xs: readonly { id: string }[]) => xs.map((x) => JSON.stringify(x.id));
    const src = ids(m.sources);
    const dst = ids(m.destinations);
    yield* jsonList(
      cellLines(m, o, rest, (i, j, _c, v) => `{"source":${src[i]},"destination":${dst[j]},${v}`),
      '  ',
      true,
    );
    yield '\n}\n';
  }
  return chunked(pieces(), '', size);
}

/** A CSV field: quoted when needed; a leading `= + - @` is escaped so spreadsheets show text. */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER =
  'source_id,source,destination_id,destination,verdict,reason,at,layer,group,rule,priority,backend';

/** The CSV in pieces: the header, then one line per kept cell. */
export function matrixCsvChunks(
  m: Matrix,
  o: OutputOptions = {},
  size = CHUNK_CHARS,
): Generator<string> {
  const src = m.sources.map((s) => `${csvField(s.id)},${csvField(s.label)}`);
  const dst = m.destinations.map((d) => `${csvField(d.id)},${csvField(d.label)}`);
  const rest = (c: MatrixCell) =>
    [c.verdict, c.reason, c.at, c.layer, c.group, c.rule, c.priority, c.backend]
      .map(csvField)
      .join(',');
  function* lines(): Generator<string> {
    yield CSV_HEADER;
    yield* cellLines(m, o, rest, (i, j, _c, v) => `${src[i]},${dst[j]},${v}`);
  }
  return chunked(lines(), '\n', size);
}

function ruleText(c: MatrixCell): string {
  const parts = [c.layer, c.group, c.rule].filter((x) => x);
  return parts.length
    ? ` [${parts.join(' / ')}${c.priority !== null ? ` priority ${c.priority}` : ''}]`
    : '';
}

/** The drops grouped by what decided them, most cells first (see `matrixTextLines`). */
export interface DropGroup {
  /** The deciding rule (layer / group / rule, priority), or the reason where no rule decided. */
  readonly what: string;
  readonly cells: number;
  readonly sources: number;
}

export function dropGroups(m: Matrix): DropGroup[] {
  const all = new Map<string, { cells: number; sources: number }>();
  for (let i = 0; i < m.sources.length; i++) {
    const read = rowReader(m, i, (c) =>
      c.verdict !== 'dropped' ? null : c.rule ? ruleText(c).slice(2, -1) : `no rule: ${c.reason}`,
    );
    const mine = new Map<string, number>();
    for (let j = 0; j < m.destinations.length; j++) {
      const what = read(j)?.v;
      if (what) mine.set(what, (mine.get(what) ?? 0) + 1);
    }
    for (const [what, n] of mine) {
      const g = all.get(what);
      if (g) {
        g.cells += n;
        g.sources++;
      } else all.set(what, { cells: n, sources: 1 });
    }
  }
  return [...all]
    .map(([what, g]) => ({ what, ...g }))
    .sort((a, b) => b.cells - a.cells || (a.what < b.what ? -1 : 1));
}

/** Groups of drops the text lists before its cells; the rest are counted. */
const SHOWN_GROUPS = 10;

/**
 * The terminal text's lines: the header, the drops by deciding rule (what an on-call engineer
 * reads first when a million cells follow), then every dropped cell (every cell unless
 * `onlyDrops`).
 */
export function* matrixTextLines(
  m: Matrix,
  o: OutputOptions,
  counts: Record<MatrixCell['verdict'], number>,
): Generator<string> {
  yield (
    `Matrix: ${m.sources.length} sources × ${m.destinations.length} destinations = ${m.stats.cells} cells ` +
    `(${m.stats.sourceClasses} source classes, ${m.stats.traces} traces)`
  );
  yield `delivered ${counts.delivered}, dropped ${counts.dropped}, assumed ${counts.assumed}`;
  if (counts.dropped > 0) {
    const groups = dropGroups(m);
    yield `Drops by deciding rule (${groups.length}):`;
    const w = String(groups[0]?.cells ?? 0).length;
    for (const g of groups.slice(0, SHOWN_GROUPS))
      yield `  ${String(g.cells).padStart(w)} ${g.cells === 1 ? 'cell' : 'cells'}, ${g.sources} ${g.sources === 1 ? 'source' : 'sources'}: ${g.what}`;
    if (groups.length > SHOWN_GROUPS) yield `  … and ${groups.length - SHOWN_GROUPS} more`;
  }
  yield '';
  const tail = (c: MatrixCell) => {
    const mark = c.verdict === 'dropped' ? 'DROP' : c.verdict === 'assumed' ? 'ASSUMED' : 'OK';
    const after = `: ${c.reason}${ruleText(c)}${c.backend ? ` backend ${c.backend}` : ''}`;
    return { mark: mark.padEnd(7), after };
  };
  yield* cellLines(
    m,
    o,
    tail,
    (i, j, _c, v) => `${v.mark} ${m.sources[i]!.label} -> ${m.destinations[j]!.label}${v.after}`,
  );
}

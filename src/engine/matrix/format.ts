/**
 * Outputs of a matrix: `hnsviz.matrix/1` JSON, CSV, a terminal summary (each also in pieces,
 * `stream.ts`, for matrices too big for one string); and the `--expect` file (allowed / denied
 * pairs) checked against it.
 */
import { cellAt } from './compute';
import {
  docCellFields,
  docDestination,
  docSource,
  keep,
  matrixCsvChunks,
  matrixTextLines,
  type OutputOptions,
} from './stream';
import type { Matrix, MatrixCell, MatrixDestination, MatrixDoc, MatrixSource } from './types';

export type { OutputOptions } from './stream';
export { CSV_HEADER } from './stream';

/** The `hnsviz.matrix/1` document (`matrixJsonChunks` for a big matrix). */
export function toMatrixDoc(m: Matrix, o: OutputOptions = {}): MatrixDoc {
  const cells: MatrixDoc['cells'][number][] = [];
  m.sources.forEach((s, i) =>
    m.destinations.forEach((d, j) => {
      const c = cellAt(m, i, j);
      if (c && keep(c, o)) cells.push({ source: s.id, destination: d.id, ...docCellFields(c) });
    }),
  );
  return {
    format: 'hnsviz.matrix/1',
    topology: m.topology,
    sources: m.sources.map(docSource),
    destinations: m.destinations.map(docDestination),
    cells,
  };
}

/** One line per cell, with a header (`matrixCsvChunks` for a big matrix). */
export function toMatrixCsv(m: Matrix, o: OutputOptions = {}): string {
  return [...matrixCsvChunks(m, o)].join('');
}

/** Counts of each verdict. */
export function matrixCounts(m: Matrix): Record<MatrixCell['verdict'], number> {
  const n = { delivered: 0, dropped: 0, assumed: 0 };
  m.rows.forEach((row) => row?.forEach((ci) => n[m.cells[ci]!.verdict]++));
  return n;
}

/**
 * A terminal summary: counts, then every dropped cell (every cell unless `onlyDrops`); for a
 * big matrix, `matrixTextLines` in pieces.
 */
export function formatMatrixText(m: Matrix, o: OutputOptions = {}): string {
  return [...matrixTextLines(m, o, matrixCounts(m))].join('\n');
}

// ---------------------------------------------------------------------------------------------
// --expect

export interface Expectation {
  readonly line: number;
  readonly expect: 'allow' | 'deny';
  readonly source: string;
  readonly destination: string;
}

export class ExpectFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ExpectFileError';
  }
}

/**
 * `allow|deny SOURCE DESTINATION` per line (`#` starts a comment). SOURCE: a source id, label,
 * pod or node name, or IP; DESTINATION: a destination id, label, or `ip:port[/proto]`
 * (`ip` alone for ICMP); `*` matches every source or destination.
 */
export function parseExpectFile(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const parts = line.split(/\s+/);
    if (parts.length !== 3)
      throw new ExpectFileError(
        i + 1,
        `expected 'allow|deny SOURCE DESTINATION', got '${raw.trim().slice(0, 80)}'`,
      );
    const [verb, source, destination] = parts as [string, string, string];
    if (verb !== 'allow' && verb !== 'deny')
      throw new ExpectFileError(i + 1, `expected allow or deny, got '${verb.slice(0, 40)}'`);
    out.push({ line: i + 1, expect: verb, source, destination });
  });
  return out;
}

function matchSource(s: MatrixSource, q: string): boolean {
  return q === '*' || q === s.id || q === s.label || q === s.from || q === s.ip;
}

function matchDestination(d: MatrixDestination, q: string): boolean {
  if (q === '*' || q === d.id || q === d.label) return true;
  const m = /^([\d.]+)(?::(\d+))?(?:\/(tcp|udp|icmp))?$/.exec(q);
  if (!m) return false;
  if (m[1] !== d.ip) return false;
  if (m[2] !== undefined && Number(m[2]) !== d.port) return false;
  if (m[3] !== undefined && m[3] !== d.proto) return false;
  return m[2] !== undefined || d.proto === 'icmp' || m[3] !== undefined;
}

export interface ExpectViolation {
  readonly expectation: Expectation;
  readonly source: MatrixSource;
  readonly destination: MatrixDestination;
  readonly cell: MatrixCell;
}

/**
 * Check `m` against the expectations: an allowed pair that is dropped, or a denied pair that
 * is delivered, is a violation (`assumed` counts as neither). An expectation that names no
 * source or destination of the matrix is an error, so a typo cannot pass silently.
 */
export function checkExpectations(m: Matrix, exps: readonly Expectation[]): ExpectViolation[] {
  const out: ExpectViolation[] = [];
  for (const e of exps) {
    const ss = m.sources.map((s, i) => [s, i] as const).filter(([s]) => matchSource(s, e.source));
    if (ss.length === 0) throw new ExpectFileError(e.line, `no source matches '${e.source}'`);
    const ds = m.destinations
      .map((d, j) => [d, j] as const)
      .filter(([d]) => matchDestination(d, e.destination));
    if (ds.length === 0)
      throw new ExpectFileError(e.line, `no destination matches '${e.destination}'`);
    for (const [s, i] of ss)
      for (const [d, j] of ds) {
        const c = cellAt(m, i, j);
        if (!c) continue;
        if (e.expect === 'allow' ? c.verdict === 'dropped' : c.verdict === 'delivered')
          out.push({ expectation: e, source: s, destination: d, cell: c });
      }
  }
  return out;
}

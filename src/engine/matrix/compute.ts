/**
 * Compute the matrix by classes: per destination and source class, trace one member, then
 * give its cell to every other member whose replayed hash choices (backend picks, pool
 * ports) come out the same — their walks are the traced one up to the member's own identity.
 * Members that differ are traced in turn, as the next representative. `bruteForceMatrix`
 * traces every cell; the two must always agree (`matrix.test.ts`).
 */
import type { Topology } from '../../model/types';
import type { Choice } from '../choices';
import { repChoices, sameChoices, type RepChoice } from './replay';
import { traceLogged } from '../trace';
import { TraceInputError, type Trace } from '../types';
import { CellTable, cellOf, cellRequest } from './cell';
export { CellTable } from './cell';
import { sourceClasses, type OwnTokens } from './classes';
import { fillCell, internFor, Kept } from './cell-templates';
export { fillCell } from './cell-templates';
import { heldSources } from './template-check';
import { matrixDestinations, matrixSources } from './enumerate';
import type { Matrix, MatrixCell, MatrixDestination, MatrixSource } from './types';
import { pushAll } from '../../shared/arrays';
import { destinationClasses, noDestClasses, type DestClasses } from './dest-classes';
import { DestExpander } from './dest-expand';
import {
  columnIps,
  fromPodRef,
  podColumns,
  podRef,
  type PodColumns,
  type PodRef,
} from './pod-columns';

/** What a worker needs besides the topology (plain data: it crosses postMessage). */
export interface MatrixPlan {
  readonly sources: readonly MatrixSource[];
  readonly destinations: readonly MatrixDestination[];
  readonly classes: readonly (readonly number[])[];
  readonly tokens: readonly (OwnTokens | null)[];
  /** Per source: its whole program's id (see `sourceClasses`). */
  readonly programs: readonly number[];
  /** Destination classes (see `dest-classes.ts`). */
  readonly dests: DestClasses;
  readonly seed: number;
}

/** Rows, columns and source classes of `t`'s matrix (rows and columns given: not again). */
export function planMatrix(
  t: Topology,
  seed = 1,
  given?: Pick<MatrixPlan, 'sources' | 'destinations'>,
): MatrixPlan {
  const sources = given?.sources ?? matrixSources(t);
  const destinations = given?.destinations ?? matrixDestinations(t);
  const { classes, tokens, programs, wide, skipped, inert } = sourceClasses(t, sources);
  const dests = destinationClasses(t, destinations, tokens, wide, skipped, inert);
  return { sources, destinations, classes, tokens, programs, dests, seed };
}

function traceCell(
  t: Topology,
  plan: Pick<MatrixPlan, 'sources' | 'destinations' | 'seed'>,
  s: number,
  d: number,
  log: boolean,
): { cell: MatrixCell; choices: readonly Choice[] } {
  let trace: Trace;
  let choices: readonly Choice[];
  try {
    ({ trace, choices } = traceLogged(
      t,
      cellRequest(plan.sources[s]!, plan.destinations[d]!, plan.seed),
      log,
    ));
  } catch (e) {
    if (!(e instanceof TraceInputError)) throw e;
    return {
      cell: {
        verdict: 'dropped',
        reason: `cannot trace: ${e.message}`,
        at: null,
        layer: null,
        group: null,
        rule: null,
        priority: null,
        backend: null,
      },
      choices: [],
    };
  }
  return { cell: cellOf(trace), choices };
}

/** Per source class: what `computeClass` needs of its members on every unit. */
interface ClassPrep {
  readonly tok: readonly OwnTokens[];
  /** Templates map by role: members share a cell only when their roles line up. */
  readonly roles: readonly string[];
  /**
   * Walks of a member to one of its own addresses (a pod's column for the pod itself), by
   * roles, which own address, port and protocol: the first one traced, for the others.
   */
  readonly selfWalks: Map<string, SelfWalk>;
  /** Per pod-column class (see `pod-columns.ts`): up to two reference columns. */
  readonly podRefs: Map<number, PodRef[]>;
}

/** A member's traced walk to its own address (see `ClassPrep.selfWalks`). */
interface SelfWalk {
  readonly ci: number;
  readonly member: number;
  readonly choices: readonly RepChoice[];
}

/** Per cell table (one per plan): the trees of its destination classes, prepared classes. */
interface Cells {
  readonly ex: DestExpander;
  /** Per destination: its address as a number (-1: none). */
  readonly dstIps: Int32Array;
  readonly classes: Map<number, ClassPrep>;
  readonly pods: PodColumns;
  readonly kept: Kept;
}
const perTable = new WeakMap<CellTable, Cells>();

function cellsOf(t: Topology, plan: MatrixPlan, table: CellTable): Cells {
  let c = perTable.get(table);
  if (!c) {
    const dstIps = columnIps(plan);
    const kept = new Kept(heldSources(t, plan.tokens));
    c = {
      kept,
      ex: new DestExpander(
        plan,
        (s, d) => traceCell(t, plan, s, d, true),
        (cell, s) => internFor(table, cell, s, plan.tokens[s] ?? null, kept),
        (ci, s) => kept.has(ci, s),
      ),
      dstIps,
      classes: new Map(),
      pods: podColumns(plan, dstIps),
    };
    perTable.set(table, c);
  }
  return c;
}

function classPrep(c: Cells, plan: MatrixPlan, k: number): ClassPrep {
  let p = c.classes.get(k);
  if (!p) {
    // Every member of a class has tokens (`sourceClasses`); `unplanned` classes have one member.
    const tok = plan.classes[k]!.map((s) => plan.tokens[s] ?? NO_TOKENS);
    p = {
      tok,
      roles: tok.map((x) => x.roles.join('\u0000')),
      selfWalks: new Map(),
      podRefs: new Map(),
    };
    c.classes.set(k, p);
  }
  return p;
}

const NO_TOKENS: OwnTokens = { roles: [], values: [], ips: [], portIds: [], endpointIds: [] };

/**
 * Member `i`'s cell at column `d`, one of its own addresses (`dst`): the cell of the first
 * member traced to its own address at the same place among its addresses, on the same port,
 * when every choice of that walk replays the same for `i`; else traced.
 */
function selfCell(
  t: Topology,
  plan: MatrixPlan,
  table: CellTable,
  kept: Kept,
  prep: ClassPrep,
  k: number,
  i: number,
  d: number,
  dst: number,
): { ci: number; traced: boolean } {
  const members = plan.classes[k]!;
  const tokM = prep.tok[i]!;
  const dest = plan.destinations[d]!;
  const key = [prep.roles[i], tokM.ips.length, tokM.ips.indexOf(dst), dest.port, dest.proto].join(
    '\u0001',
  );
  const w = prep.selfWalks.get(key);
  const sameProgram = (j: number) => plan.programs[members[j]!] === plan.programs[members[i]!];
  if (w && sameChoices(tokM, dst, w.choices, sameProgram(w.member), true))
    return { ci: w.ci, traced: false };
  const { cell, choices } = traceCell(t, plan, members[i]!, d, true);
  const ci = internFor(table, cell, members[i]!, tokM, kept);
  if (!w && !kept.has(ci, members[i]!))
    prep.selfWalks.set(key, { ci, member: i, choices: repChoices(choices, tokM) });
  return { ci, traced: true };
}

export interface ClassResult {
  /** Source index → cell indexes (into the table) per destination. */
  readonly rows: Map<number, Uint32Array>;
  readonly traces: number;
}

/**
 * The rows of class `k` over destinations `from` ≤ d < `to` (index 0 of a row is `from`),
 * cells interned into `table`. `cancelled` is polled between destinations. The rows are
 * views of one buffer (a worker hands it over whole).
 */
export function computeClass(
  t: Topology,
  plan: MatrixPlan,
  k: number,
  table: CellTable,
  cancelled: () => boolean = () => false,
  from = 0,
  to = plan.destinations.length,
): ClassResult | null {
  const members = plan.classes[k]!;
  const width = Math.max(0, to - from);
  const buf = new Uint32Array(members.length * width);
  const rows = members.map((_, i) => buf.subarray(i * width, (i + 1) * width));
  const c = cellsOf(t, plan, table);
  const prep = classPrep(c, plan, k);
  const { tok, roles } = prep;
  const dstIps = c.dstIps;
  let traces = 0;
  const dclass = plan.dests.classOf;
  const ex = c.ex;
  const exTraces = ex.traces;
  for (let d = from; d < to; d++) {
    if (((d - from) & 63) === 0 && cancelled()) return null;
    const at = d - from;
    if (dclass[d]! >= 0) {
      ex.fill(k, d, members, buf, width, at);
      continue;
    }
    // A pod column: from a reference column of its class where the walk made no choice.
    const pk = c.pods.key[d]!;
    const refs = pk >= 0 ? (prep.podRefs.get(pk) ?? []) : null;
    if (refs && refs.length === 0) prep.podRefs.set(pk, refs);
    // The first two columns of the class are references: their cells and walks are kept.
    const rec = refs && refs.length < 2 ? podRef(c.pods.pod[d]!, members.length) : null;
    // Members whose own address the column is: each shares the walk of the first one traced.
    let pending: number[] = [];
    for (let i = 0; i < members.length; i++)
      if (!tok[i]!.ips.includes(dstIps[d]!)) {
        const ci = refs ? fromPodRef(c.pods, table, refs, members[i]!, i, d) : -1;
        if (ci < 0) pending.push(i);
        else {
          rows[i]![at] = ci;
          if (rec) rec.free[i] = 1;
        }
      } else {
        const own = selfCell(t, plan, table, c.kept, prep, k, i, d, dstIps[d]!);
        rows[i]![at] = own.ci;
        if (own.traced) traces++;
      }
    while (pending.length > 0) {
      const rp = pending[0]!;
      const r = members[rp]!;
      const { cell, choices } = traceCell(t, plan, r, d, pending.length > 1 || rec !== null);
      traces++;
      const tokR = tok[rp]!;
      const ci = internFor(table, cell, r, tokR, c.kept);
      rows[rp]![at] = ci;
      const free = choices.length === 0 ? 1 : 0;
      if (rec) rec.free[rp] = free;
      if (pending.length === 1) break;
      const rest: number[] = [];
      if (tokR.ips.includes(dstIps[d]!) || c.kept.has(ci, r)) pushAll(rest, pending.slice(1));
      else {
        const prepared = repChoices(choices, tokR);
        for (let j = 1; j < pending.length; j++) {
          const mp = pending[j]!;
          const tokM = tok[mp]!;
          if (
            roles[mp] === roles[rp] &&
            tokM.ips.length === tokR.ips.length &&
            sameChoices(
              tokM,
              dstIps[d]!,
              prepared,
              plan.programs[r] === plan.programs[members[mp]!],
            )
          ) {
            rows[mp]![at] = ci;
            if (rec) rec.free[mp] = free;
          } else rest.push(mp);
        }
      }
      pending = rest;
    }
    if (rec) {
      for (let i = 0; i < members.length; i++) rec.ci[i] = rows[i]![at]!;
      refs!.push(rec);
    }
  }
  const out = new Map<number, Uint32Array>();
  members.forEach((s, i) => out.set(s, rows[i]!));
  return { rows: out, traces: traces + ex.traces - exTraces };
}

/** The whole matrix on this thread (the CLI and the UI spread classes over workers). */
export function computeMatrix(t: Topology, seed = 1): Matrix {
  const plan = planMatrix(t, seed);
  const table = new CellTable();
  const rows: (Uint32Array | null)[] = plan.sources.map(() => null);
  let traces = 0;
  for (let k = 0; k < plan.classes.length; k++) {
    const res = computeClass(t, plan, k, table)!;
    traces += res.traces;
    for (const [s, row] of res.rows) rows[s] = row;
  }
  return {
    topology: t.id,
    sources: plan.sources,
    destinations: plan.destinations,
    cells: table.cells,
    templated: table.templated,
    tokens: plan.tokens,
    rows,
    stats: {
      sourceClasses: plan.classes.length,
      destinations: plan.destinations.length,
      traces,
      cells: plan.sources.length * plan.destinations.length,
    },
  };
}

/** Every cell traced on its own: the reference the class-based matrix must equal. */
export function bruteForceMatrix(t: Topology, seed = 1): Matrix {
  const sources = matrixSources(t);
  const destinations = matrixDestinations(t);
  const plan: MatrixPlan = {
    sources,
    destinations,
    classes: [],
    tokens: [],
    programs: [],
    dests: noDestClasses(destinations, sources.length),
    seed,
  };
  const table = new CellTable();
  const rows = sources.map((_, s) => {
    const row = new Uint32Array(destinations.length);
    for (let d = 0; d < destinations.length; d++)
      row[d] = table.intern(traceCell(t, plan, s, d, false).cell);
    return row;
  });
  return {
    topology: t.id,
    sources,
    destinations,
    cells: table.cells,
    templated: table.templated,
    tokens: sources.map(() => null),
    rows,
    stats: {
      sourceClasses: sources.length,
      destinations: destinations.length,
      traces: sources.length * destinations.length,
      cells: sources.length * destinations.length,
    },
  };
}

/**
 * A plan with every source a class of its own and no tokens: what the rows of `tracedRows`
 * need before the real plan exists.
 */
export function unplanned(
  sources: readonly MatrixSource[],
  destinations: readonly MatrixDestination[],
  seed = 1,
): MatrixPlan {
  return {
    sources,
    destinations,
    classes: sources.map((_, i) => [i]),
    tokens: sources.map(() => null),
    programs: sources.map((_, i) => -1 - i),
    dests: noDestClasses(destinations, sources.length),
    seed,
  };
}

/**
 * Rows `rows` over destinations `from` ≤ d < `to`, every cell traced on its own (brute force,
 * so they need no plan), cells interned into `table` untemplated.
 */
export function tracedRows(
  t: Topology,
  plan: Pick<MatrixPlan, 'sources' | 'destinations' | 'seed'>,
  rows: readonly number[],
  from: number,
  to: number,
  table: CellTable,
): Map<number, Uint32Array> {
  const out = new Map<number, Uint32Array>();
  for (const s of rows) {
    const row = new Uint32Array(Math.max(0, to - from));
    for (let d = from; d < to; d++)
      row[d - from] = table.intern(traceCell(t, plan, s, d, false).cell);
    out.set(s, row);
  }
  return out;
}

/** The cell at (`s`, `d`), a template filled in for its source. */
export function cellAt(m: Matrix, s: number, d: number): MatrixCell | null {
  const row = m.rows[s];
  if (!row) return null;
  const i = row[d]!;
  // `PENDING_CELL` (not computed yet) indexes no cell.
  const c = m.cells[i];
  if (!c) return null;
  return m.templated[i] ? fillCell(c, m.tokens[s] ?? null) : c;
}

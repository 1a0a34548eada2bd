/**
 * Compute the matrix by classes: per destination and source class, trace one member, then
 * give its cell to every other member whose replayed hash choices (backend picks, pool
 * ports) come out the same — their walks are the traced one up to the member's own identity.
 * Members that differ are traced in turn, as the next representative. `bruteForceMatrix`
 * traces every cell; the two must always agree (`matrix.test.ts`).
 */
import { parseIpv4 } from '../../shared/ip';
import type { Topology } from '../../model/types';
import type { Choice } from '../choices';
import { replayChoice } from '../choices';
import { traceLogged } from '../trace';
import { TraceInputError, type Trace } from '../types';
import { cellKey, cellOf, cellRequest } from './cell';
import { sourceClasses, substitute, tokenRegex, type OwnTokens } from './classes';
import { matrixDestinations, matrixSources } from './enumerate';
import type { Matrix, MatrixCell, MatrixDestination, MatrixSource } from './types';

/** What a worker needs besides the topology (plain data: it crosses postMessage). */
export interface MatrixPlan {
  readonly sources: readonly MatrixSource[];
  readonly destinations: readonly MatrixDestination[];
  readonly classes: readonly (readonly number[])[];
  readonly tokens: readonly (OwnTokens | null)[];
  /** Per source: its whole program's id (see `sourceClasses`). */
  readonly programs: readonly number[];
  readonly seed: number;
}

/** Rows, columns and source classes of `t`'s matrix. */
export function planMatrix(t: Topology, seed = 1): MatrixPlan {
  const sources = matrixSources(t);
  const destinations = matrixDestinations(t);
  const { classes, tokens, programs } = sourceClasses(t, sources);
  return { sources, destinations, classes, tokens, programs, seed };
}

/** Distinct cells, shared by index. */
export class CellTable {
  readonly cells: MatrixCell[] = [];
  private readonly index = new Map<string, number>();
  intern(c: MatrixCell): number {
    const k = cellKey(c);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.cells.length;
      this.cells.push(c);
      this.index.set(k, i);
    }
    return i;
  }
}

function traceCell(
  t: Topology,
  plan: MatrixPlan,
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

/**
 * Would `m`'s walk make every choice `r`'s made, up to their own identities? Never when the
 * destination is one of them: swapping the two would move the destination too.
 */
function sameChoices(
  r: OwnTokens,
  m: OwnTokens,
  dst: number,
  choices: readonly Choice[],
  sameProgram: () => boolean,
): boolean {
  const ipR = r.ips;
  const ipM = m.ips;
  if (ipR.length !== ipM.length || ipR.includes(dst) || ipM.includes(dst)) return false;
  const mapIp = (n: number) => {
    const i = ipR.indexOf(n);
    return i >= 0 ? ipM[i]! : n;
  };
  const same = (n: number) => n;
  for (const ch of choices) {
    const v = replayChoice(ch, mapIp, same);
    if (ch.kind === 'port' || !ch.pick) {
      if (v !== ch.value) return false;
      continue;
    }
    const [ipA, portA] = ch.pick(ch.value);
    const [ipB, portB] = ch.pick(v);
    if (portA !== portB) return false;
    const selfA = ipR.indexOf(ipA);
    const selfB = ipM.indexOf(ipB);
    if (selfA !== selfB) return false;
    if (selfA < 0 && ipA !== ipB) return false;
    // Picked as its own backend: its own port's backend rules now matter too.
    if (selfA >= 0 && !sameProgram()) return false;
  }
  return true;
}

const FIELDS = ['reason', 'at', 'layer', 'group', 'rule', 'backend'] as const;

function mentions(c: MatrixCell, re: RegExp | null): boolean {
  if (!re) return false;
  const test = new RegExp(re.source);
  return FIELDS.some((f) => {
    const v = c[f];
    return v !== null && test.test(v);
  });
}

function moved(c: MatrixCell, from: OwnTokens, re: RegExp | null, to: OwnTokens): MatrixCell {
  const out: Record<string, unknown> = { ...c };
  for (const f of FIELDS) {
    const v = c[f];
    if (v !== null) out[f] = substitute(v, from, re, to);
  }
  return out as unknown as MatrixCell;
}

export interface ClassResult {
  /** Source index → cell indexes (into the table) per destination. */
  readonly rows: Map<number, Uint32Array>;
  readonly traces: number;
}

/**
 * All rows of class `k`, cells interned into `table`. `cancelled` is polled between
 * destinations (a worker checks for a cancel message there).
 */
export function computeClass(
  t: Topology,
  plan: MatrixPlan,
  k: number,
  table: CellTable,
  cancelled: () => boolean = () => false,
): ClassResult | null {
  const members = plan.classes[k]!;
  const D = plan.destinations.length;
  const rows = members.map(() => new Uint32Array(D));
  const regex = members.map((s) => {
    const tok = plan.tokens[s];
    return tok ? tokenRegex(tok) : null;
  });
  const dstIps = plan.destinations.map((x) => parseIpv4(x.ip) ?? -1);
  let traces = 0;
  for (let d = 0; d < D; d++) {
    if ((d & 63) === 0 && cancelled()) return null;
    let pending = members.map((_, i) => i);
    while (pending.length > 0) {
      const rp = pending[0]!;
      const r = members[rp]!;
      const { cell, choices } = traceCell(t, plan, r, d, pending.length > 1);
      traces++;
      const ci = table.intern(cell);
      rows[rp]![d] = ci;
      if (pending.length === 1) break;
      const tokR = plan.tokens[r]!;
      const own = mentions(cell, regex[rp]!);
      const rest: number[] = [];
      for (let j = 1; j < pending.length; j++) {
        const mp = pending[j]!;
        const tokM = plan.tokens[members[mp]!]!;
        if (
          sameChoices(
            tokR,
            tokM,
            dstIps[d]!,
            choices,
            () => plan.programs[r] === plan.programs[members[mp]!],
          )
        )
          rows[mp]![d] = own ? table.intern(moved(cell, tokR, regex[rp]!, tokM)) : ci;
        else rest.push(mp);
      }
      pending = rest;
    }
  }
  const out = new Map<number, Uint32Array>();
  members.forEach((s, i) => out.set(s, rows[i]!));
  return { rows: out, traces };
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
  const plan: MatrixPlan = { sources, destinations, classes: [], tokens: [], programs: [], seed };
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
    rows,
    stats: {
      sourceClasses: sources.length,
      destinations: destinations.length,
      traces: sources.length * destinations.length,
      cells: sources.length * destinations.length,
    },
  };
}

/** The cell at (`s`, `d`). */
export function cellAt(m: Matrix, s: number, d: number): MatrixCell | null {
  const row = m.rows[s];
  return row ? (m.cells[row[d]!] ?? null) : null;
}

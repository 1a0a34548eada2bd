/**
 * Spreading a matrix over workers, without the workers themselves (those are platform code:
 * Web Workers in the app, worker_threads in the CLI). The work is cut into units, a source
 * class over a range of destination columns (`workUnits`): a class as big as a whole node's pods
 * is then shared by every worker, and the left columns of every row fill first, so the view
 * shows rows while the rest is computed. A worker runs `ClassRunner` on the topology and the
 * plan; the main side hands out units one at a time and merges each worker's batches with
 * `MatrixAssembler`; a cancel stops between units.
 */
import type { Topology } from '../../model/types';
import { CellTable, computeClass, tracedRows, type MatrixPlan } from './compute';
import { PENDING_CELL, type Matrix, type MatrixCell } from './types';

/** One piece of work: source class `k` against destinations `from` ≤ d < `to`. */
export interface WorkUnit {
  readonly k: number;
  readonly from: number;
  readonly to: number;
}

/** The rows of one unit from one worker, with the cells that worker had not sent before. */
export interface ClassBatch {
  readonly classIndex: number;
  /** The unit's first destination: `rows[i].cells[j]` is destination `from + j`. */
  readonly from: number;
  /** Index, in the worker's own table, of `cells[0]`. */
  readonly base: number;
  readonly cells: readonly MatrixCell[];
  /** Per cell of `cells`: a template (see `Matrix.templated`). */
  readonly templated: readonly boolean[];
  readonly rows: readonly { readonly source: number; readonly cells: Uint32Array }[];
  readonly traces: number;
}

/** The worker side: one plan, one cell table, one unit at a time. */
export class ClassRunner {
  private readonly table = new CellTable();
  private sent = 0;
  constructor(
    private readonly t: Topology,
    private readonly plan: MatrixPlan,
  ) {}

  run(u: WorkUnit, cancelled?: () => boolean): ClassBatch | null {
    const res = computeClass(this.t, this.plan, u.k, this.table, cancelled, u.from, u.to);
    if (!res) return null;
    const base = this.sent;
    const cells = this.table.cells.slice(base);
    const templated = this.table.templated.slice(base);
    this.sent = this.table.cells.length;
    return {
      classIndex: u.k,
      from: u.from,
      base,
      cells,
      templated,
      rows: [...res.rows].map(([source, cells]) => ({ source, cells })),
      traces: res.traces,
    };
  }
}

/** Rows and columns of the preview: about what a first screen of the view shows. */
export const PREVIEW_ROWS = 16;
export const PREVIEW_COLUMNS = 64;
/** The corner of the preview sent first, so the first rows show as soon as possible. */
export const PREVIEW_FIRST_ROWS = 2;
export const PREVIEW_FIRST_COLUMNS = 16;

/**
 * Rows `fromRow` ≤ s < `rows` over columns `fromColumn` ≤ d < `columns`, every cell traced on
 * its own: a worker sends them before it plans (planning a big dump takes seconds), so the
 * view has rows at once. The assembler shows them (`MatrixAssembler.preview`) until the units
 * compute the same cells.
 */
export function previewBatch(
  t: Topology,
  plan: Pick<MatrixPlan, 'sources' | 'destinations' | 'seed'>,
  rows = PREVIEW_ROWS,
  columns = PREVIEW_COLUMNS,
  fromRow = 0,
  fromColumn = 0,
): ClassBatch {
  const table = new CellTable();
  const sources: number[] = [];
  for (let s = fromRow; s < Math.min(rows, plan.sources.length); s++) sources.push(s);
  const to = Math.min(columns, plan.destinations.length);
  const res = tracedRows(t, plan, sources, fromColumn, to, table);
  return {
    classIndex: -1,
    from: fromColumn,
    base: 0,
    cells: table.cells,
    templated: table.templated,
    rows: [...res].map(([source, cells]) => ({ source, cells })),
    traces: sources.length * Math.max(0, to - fromColumn),
  };
}

/**
 * The preview in pieces, what shows first first: the first rows over the first columns (a
 * cold worker's first traces compile the ports they cross, so a small corner comes back
 * soonest), the rest of those rows, then the other rows. Together: `previewBatch`'s cells.
 */
export function* previewBatches(
  t: Topology,
  plan: Pick<MatrixPlan, 'sources' | 'destinations' | 'seed'>,
): Generator<ClassBatch> {
  yield previewBatch(t, plan, PREVIEW_FIRST_ROWS, PREVIEW_FIRST_COLUMNS);
  yield previewBatch(t, plan, PREVIEW_FIRST_ROWS, PREVIEW_COLUMNS, 0, PREVIEW_FIRST_COLUMNS);
  yield previewBatch(t, plan, PREVIEW_ROWS, PREVIEW_COLUMNS, PREVIEW_FIRST_ROWS);
}

/** Columns per unit: small enough that the first units come back while a user looks. */
export const UNIT_COLUMNS = 256;

/**
 * The units of `plan`: every class cut into ranges of `columns` destinations; the first range
 * of every class first, then the second, and so on, biggest classes first within a range
 * (members × columns is their work), so the tail is short.
 */
export function workUnits(plan: AssemblyPlan, columns = UNIT_COLUMNS): WorkUnit[] {
  const D = plan.destinations.length;
  const order = plan.classes
    .map((c, k) => [k, c.length] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([k]) => k);
  const out: WorkUnit[] = [];
  const step = Math.max(1, columns);
  for (let from = 0; from < Math.max(D, 1); from += step)
    for (const k of order) out.push({ k, from, to: Math.min(D, from + step) });
  return out;
}

/**
 * What the main side needs of a plan to hand out units and merge them: the page gets only
 * this (the rest, such as the destination classes, stays in the workers).
 */
export type AssemblyPlan = Pick<MatrixPlan, 'sources' | 'destinations' | 'classes' | 'tokens'>;

/** The main side: merges batches from any number of workers into one matrix. */
export class MatrixAssembler {
  private readonly table = new CellTable();
  /** Per worker: its table index → ours. */
  private readonly maps = new Map<number, number[]>();
  readonly rows: (Uint32Array | null)[];
  /** Per source: cells not computed yet. */
  private readonly left: number[];
  private cellsLeft = 0;
  private rowsLeft = 0;
  private traces = 0;

  constructor(
    private readonly topologyId: string,
    readonly plan: AssemblyPlan,
  ) {
    const D = plan.destinations.length;
    this.rows = plan.sources.map(() => null);
    this.left = plan.sources.map(() => 0);
    for (const c of plan.classes)
      for (const s of c) {
        this.left[s] = D;
        this.cellsLeft += D;
        this.rowsLeft++;
      }
  }

  /** Merge a batch; returns the source indexes whose rows it completed. */
  add(worker: number, b: ClassBatch): number[] {
    let map = this.maps.get(worker);
    if (!map) this.maps.set(worker, (map = []));
    b.cells.forEach((c, i) => (map[b.base + i] = this.table.intern(c, b.templated[i])));
    const D = this.plan.destinations.length;
    const completed: number[] = [];
    for (const r of b.rows) {
      let row = this.rows[r.source];
      if (!row) this.rows[r.source] = row = new Uint32Array(D).fill(PENDING_CELL);
      for (let j = 0; j < r.cells.length; j++) row[b.from + j] = map[r.cells[j]!]!;
      this.left[r.source]! -= r.cells.length;
      this.cellsLeft -= r.cells.length;
      if (this.left[r.source] === 0) {
        completed.push(r.source);
        this.rowsLeft--;
      }
    }
    this.traces += b.traces;
    return completed;
  }

  /**
   * Show a preview batch (see `previewBatch`): its cells fill rows, but count as not yet
   * computed; the units that compute them overwrite them with the same cells.
   */
  preview(b: ClassBatch): void {
    const map = b.cells.map((c, i) => this.table.intern(c, b.templated[i]));
    const D = this.plan.destinations.length;
    for (const r of b.rows) {
      let row = this.rows[r.source];
      if (!row) this.rows[r.source] = row = new Uint32Array(D).fill(PENDING_CELL);
      for (let j = 0; j < r.cells.length; j++)
        if (row[b.from + j] === PENDING_CELL) row[b.from + j] = map[r.cells[j]!]!;
    }
  }

  get complete(): boolean {
    return this.cellsLeft === 0;
  }

  /** The matrix so far (rows not started are null; cells not computed are `PENDING_CELL`). */
  matrix(): Matrix {
    const { sources, destinations, classes } = this.plan;
    return {
      topology: this.topologyId,
      sources,
      destinations,
      cells: this.table.cells,
      templated: this.table.templated,
      tokens: this.plan.tokens,
      rows: this.rows,
      pendingRows: this.rowsLeft,
      stats: {
        sourceClasses: classes.length,
        destinations: destinations.length,
        traces: this.traces,
        cells: sources.length * destinations.length,
      },
    };
  }
}

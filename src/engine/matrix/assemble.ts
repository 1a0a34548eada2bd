/**
 * Spreading a matrix over workers, without the workers themselves (those are platform code:
 * Web Workers in the app, worker_threads in the CLI). A worker runs `ClassRunner` on the
 * topology and the plan; the main side hands out classes one at a time, biggest first
 * (`classOrder`), and merges each worker's batches with `MatrixAssembler`, so rows stream in
 * as classes finish and a cancel stops between classes.
 */
import type { Topology } from '../../model/types';
import { CellTable, computeClass, type MatrixPlan } from './compute';
import type { Matrix, MatrixCell } from './types';

/** The rows of one class from one worker, with the cells that worker had not sent before. */
export interface ClassBatch {
  readonly classIndex: number;
  /** Index, in the worker's own table, of `cells[0]`. */
  readonly base: number;
  readonly cells: readonly MatrixCell[];
  /** Per cell of `cells`: a template (see `Matrix.templated`). */
  readonly templated: readonly boolean[];
  readonly rows: readonly { readonly source: number; readonly cells: Uint32Array }[];
  readonly traces: number;
}

/** The worker side: one plan, one cell table, one class at a time. */
export class ClassRunner {
  private readonly table = new CellTable();
  private sent = 0;
  constructor(
    private readonly t: Topology,
    private readonly plan: MatrixPlan,
  ) {}

  run(k: number, cancelled?: () => boolean): ClassBatch | null {
    const res = computeClass(this.t, this.plan, k, this.table, cancelled);
    if (!res) return null;
    const base = this.sent;
    const cells = this.table.cells.slice(base);
    const templated = this.table.templated.slice(base);
    this.sent = this.table.cells.length;
    return {
      classIndex: k,
      base,
      cells,
      templated,
      rows: [...res.rows].map(([source, cells]) => ({ source, cells })),
      traces: res.traces,
    };
  }
}

/** Classes biggest first (members × destinations is their work), so the tail is short. */
export function classOrder(plan: MatrixPlan): number[] {
  return plan.classes
    .map((c, k) => [k, c.length] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([k]) => k);
}

/** The main side: merges batches from any number of workers into one matrix. */
export class MatrixAssembler {
  private readonly table = new CellTable();
  /** Per worker: its table index → ours. */
  private readonly maps = new Map<number, number[]>();
  readonly rows: (Uint32Array | null)[];
  private traces = 0;
  private done = 0;

  constructor(
    private readonly topologyId: string,
    readonly plan: MatrixPlan,
  ) {
    this.rows = plan.sources.map(() => null);
  }

  /** Merge a batch; returns the source indexes whose rows it completed. */
  add(worker: number, b: ClassBatch): number[] {
    let map = this.maps.get(worker);
    if (!map) this.maps.set(worker, (map = []));
    b.cells.forEach((c, i) => (map[b.base + i] = this.table.intern(c, b.templated[i])));
    for (const r of b.rows) {
      const row = new Uint32Array(r.cells.length);
      for (let d = 0; d < row.length; d++) row[d] = map[r.cells[d]!]!;
      this.rows[r.source] = row;
    }
    this.traces += b.traces;
    this.done++;
    return b.rows.map((r) => r.source);
  }

  get complete(): boolean {
    return this.done === this.plan.classes.length;
  }

  /** The matrix so far (rows not yet computed are null). */
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
      stats: {
        sourceClasses: classes.length,
        destinations: destinations.length,
        traces: this.traces,
        cells: sources.length * destinations.length,
      },
    };
  }
}

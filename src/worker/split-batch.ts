/**
 * A worker's batch merged over several page tasks. A big source class's first unit brings a
 * row per member (156 on the bench's 300 × 5,000 dump), and a new row is a whole-width array
 * (5,502 columns): `MatrixAssembler.add` of one such batch was 18–31 ms of CPU in one task.
 * Kept out of `engine/matrix`: it only cuts a `ClassBatch`, which the assembler reads as is.
 */
import type { ClassBatch, MatrixAssembler } from '../engine/matrix/index';
import { nextTask } from './next-task';

/**
 * `b` in pieces of at most `cells` of its new cells or `rows` of its rows: the cells' pieces
 * first, then the rows' (a row reads cells of any piece before it), the traces on the last.
 * Adding the pieces in order, from the same worker, is adding `b`.
 */
export function splitBatch(b: ClassBatch, cells: number, rows: number): ClassBatch[] {
  const c = Math.max(1, cells);
  const r = Math.max(1, rows);
  if (b.cells.length <= c && b.rows.length <= r) return [b];
  const piece = (at: number, n: number, from: number, to: number, traces = 0): ClassBatch => ({
    classIndex: b.classIndex,
    from: b.from,
    base: b.base + at,
    cells: b.cells.slice(at, at + n),
    templated: b.templated.slice(at, at + n),
    rows: b.rows.slice(from, to),
    traces,
  });
  const out: ClassBatch[] = [];
  let at = 0;
  for (; b.cells.length - at > c; at += c) out.push(piece(at, c, 0, 0));
  // The last cells go with the first rows (a batch without rows still ends on one piece).
  out.push(piece(at, b.cells.length - at, 0, r));
  for (let k = r; k < b.rows.length; k += r) out.push(piece(b.cells.length, 0, k, k + r));
  out[out.length - 1] = { ...out[out.length - 1]!, traces: b.traces };
  return out;
}

/** New cells and rows per piece of a batch, and the page's time per merging task. */
const MERGE_CELLS = 512;
const MERGE_ROWS = 16;
const MERGE_MS = 8;

/**
 * Merges the workers' batches into `asm` in the order they came, in pieces (`splitBatch`),
 * pieces for about `sliceMs` a task, the rest in the next task (`nextTask`): the page paints
 * and handles input between them. `unit` is called once a batch's last piece is in.
 */
export class BatchMerger {
  private readonly queue: { batch: ClassBatch; worker: number; last: boolean }[] = [];
  private next = 0;
  private queued = false;

  constructor(
    private readonly asm: MatrixAssembler,
    private readonly unit: () => void,
    private readonly stopped: () => boolean,
    private readonly sliceMs = MERGE_MS,
  ) {}

  push(worker: number, batch: ClassBatch): void {
    const pieces = splitBatch(batch, MERGE_CELLS, MERGE_ROWS);
    pieces.forEach((b, k) => this.queue.push({ batch: b, worker, last: k === pieces.length - 1 }));
    if (!this.queued) this.merge();
  }

  private readonly merge = (): void => {
    this.queued = false;
    const t0 = performance.now();
    while (!this.stopped() && this.next < this.queue.length) {
      const { batch, worker, last } = this.queue[this.next++]!;
      this.asm.add(worker, batch);
      if (last) this.unit();
      if (performance.now() - t0 >= this.sliceMs) break;
    }
    if (this.next === this.queue.length) this.queue.length = this.next = 0;
    else if (!this.stopped()) {
      this.queued = true;
      void nextTask().then(this.merge);
    }
  };
}

import { memo } from 'react';
import { cellAt, PENDING_CELL, type Matrix, type MatrixCell } from '../engine/matrix/index';

/** A cell in one sentence (the cell's accessible name). */
export function describeCell(c: MatrixCell): string {
  const rule = [c.layer, c.group, c.rule].filter((x) => x).join(' / ');
  return `${c.verdict}: ${c.reason}${rule ? `. Decided by ${rule}${c.priority !== null ? `, priority ${c.priority}` : ''}` : ''}${c.backend ? `. Backend ${c.backend}` : ''}`;
}

/** A cell's verdict, reason, deciding rule (layer, group, rule, priority) and backend. */
export function CellDetail({ cell, from, to }: { cell: MatrixCell; from: string; to: string }) {
  return (
    <dl className="hv-matrix-cell" data-verdict={cell.verdict}>
      <dt>Packet</dt>
      <dd>
        {from} → {to}
      </dd>
      <dt>Verdict</dt>
      <dd>
        <strong>{cell.verdict}</strong> — {cell.reason}
      </dd>
      {cell.rule || cell.layer ? (
        <>
          <dt>Decided by</dt>
          <dd>
            {[cell.layer, cell.group, cell.rule].filter((x) => x).join(' / ')}
            {cell.priority !== null && ` (priority ${cell.priority})`}
            {cell.at && <span className="hv-matrix-at"> at {cell.at}</span>}
          </dd>
        </>
      ) : null}
      {cell.backend && (
        <>
          <dt>Backend</dt>
          <dd>{cell.backend}</dd>
        </>
      )}
    </dl>
  );
}

const MARK: Readonly<Record<MatrixCell['verdict'], string>> = {
  delivered: '✓',
  dropped: '✕',
  assumed: '?',
};

/** What a grid cell does on events: stable for the panel's life, so cells stay memoised. */
export interface GridActions {
  focus(r: number, c: number): void;
  open(r: number, c: number): void;
  hover(r: number, c: number, td: HTMLElement | null): void;
}

interface GridCellProps {
  /** The matrix so far: read for the cell, not compared (see `sameCell`). */
  readonly m: Matrix;
  /** The matrix's cell table: with `idx`, which cell this is (a new table, new indexes). */
  readonly cells: Matrix['cells'];
  /** The cell's index in `cells` (`PENDING_CELL` or -1: not computed yet). */
  readonly idx: number;
  /** Source and destination indexes in the matrix; row and column on screen. */
  readonly si: number;
  readonly dj: number;
  readonly r: number;
  readonly c: number;
  readonly focused: boolean;
  readonly act: GridActions;
}

/**
 * One cell of the grid. Rows fill in place while the matrix streams in: an update re-renders
 * only the cells whose index changed (a screenful is ~2,000 cells, each with its sentence).
 */
export const GridCell = memo(function GridCell({
  m,
  idx,
  si,
  dj,
  r,
  c,
  focused,
  act,
}: GridCellProps) {
  const cell = idx < 0 || idx === PENDING_CELL ? null : cellAt(m, si, dj);
  // Its unit is still being computed (rows fill left to right).
  if (!cell)
    return (
      <td
        data-r={r}
        data-c={c}
        data-verdict="pending"
        aria-colindex={c + 2}
        tabIndex={focused ? 0 : -1}
        aria-label="not computed yet"
        onFocus={() => act.focus(r, c)}
      >
        ·
      </td>
    );
  return (
    <td
      data-r={r}
      data-c={c}
      data-verdict={cell.verdict}
      aria-colindex={c + 2}
      tabIndex={focused ? 0 : -1}
      aria-label={describeCell(cell)}
      aria-describedby={focused ? 'hv-matrix-detail' : undefined}
      onClick={() => {
        act.focus(r, c);
        act.open(r, c);
      }}
      onFocus={() => act.focus(r, c)}
      onMouseEnter={(e) => act.hover(r, c, e.currentTarget)}
      onMouseLeave={() => act.hover(r, c, null)}
    >
      {MARK[cell.verdict]}
    </td>
  );
}, sameCell);

/** Equal props draw the same cell: one table and index is one cell (`m` is not compared). */
function sameCell(a: GridCellProps, b: GridCellProps): boolean {
  return (
    a.cells === b.cells &&
    a.idx === b.idx &&
    a.si === b.si &&
    a.dj === b.dj &&
    a.r === b.r &&
    a.c === b.c &&
    a.focused === b.focused &&
    a.act === b.act
  );
}

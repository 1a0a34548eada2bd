import type { MatrixCell } from '../engine/matrix/index';

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

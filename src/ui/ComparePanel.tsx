import { useMemo } from 'react';
import { compareRows, partingPoint, summarizeTrace } from '../view-model/compare-summary';
import { ComparePane } from './ComparePane';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { isSnapshotId } from './snapshot-catalog';
import { useAppStore, useStoreApi } from './StoreContext';

const PENDING = [
  'Outcome',
  'Endpoints per pod',
  'Hops (request)',
  'NAT points',
  'User-space transitions',
  'Connections',
  'Client IP preserved',
  'Policy can filter it',
].map((label) => ({ key: label, label, left: '…', right: '…', differs: false }));

/** The summary table: one row per measure, rows that differ marked (not only by colour). */
function Summary({ catalog }: { catalog: ScenarioCatalog }) {
  const compare = useAppStore((s) => s.compare);
  const result = useAppStore((s) => s.compareResult);
  const rows = useMemo(() => {
    if (!compare || !result?.left || !result.right) return PENDING;
    return compareRows(
      summarizeTrace(result.left, catalog.build(compare.left)),
      summarizeTrace(result.right, catalog.build(compare.right)),
    );
  }, [compare, result, catalog]);
  const store = useStoreApi();
  // At the event list's level of detail, so "event N" is row N of the lockstep table.
  const verbosity = useAppStore((s) => s.verbosity);
  const parting = useMemo(
    () =>
      result?.left && result.right ? partingPoint(result.left, result.right, verbosity) : null,
    [result, verbosity],
  );
  if (!compare) return null;
  const snapshots = isSnapshotId(compare.left) && isSnapshotId(compare.right);
  return (
    <section className="hv-summary" aria-label="Comparison summary">
      {result?.error && <p role="alert">{result.error}</p>}
      <table>
        <caption className="hv-sr-only">What the same packet costs in each design</caption>
        <thead>
          <tr>
            <th scope="col">Same packet, {snapshots ? 'before and after' : 'two designs'}</th>
            <th scope="col">{catalog.shortTitle(compare.left)}</th>
            <th scope="col">{catalog.shortTitle(compare.right)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className={r.differs ? 'is-diff' : undefined}
              data-key={r.key}
              data-differs={r.differs}
            >
              <th scope="row">
                {r.label}
                {r.differs && <span className="hv-diff-tag"> differs</span>}
              </th>
              <td>{r.left}</td>
              <td>{r.right}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {parting && (
        <p className="hv-parting" data-testid="compare-parting" data-step={parting.index}>
          <strong>
            Paths part at{' '}
            <button
              type="button"
              className="hv-link"
              data-testid="compare-parting-step"
              onClick={() => {
                store.getState().setPlaying(false);
                store.getState().setStep(parting.index);
              }}
            >
              event {parting.index + 1}
            </button>
            :
          </strong>{' '}
          {catalog.shortTitle(compare.left)}: {parting.left ?? 'ended'} ·{' '}
          {catalog.shortTitle(compare.right)}: {parting.right ?? 'ended'}
        </p>
      )}
    </section>
  );
}

/**
 * Compare mode: the same request in two designs (or an imported dump before and after)
 * side by side, in lockstep, with a summary of what differs and where the paths part.
 */
export function ComparePanel({
  catalog,
  onDrawn,
}: {
  catalog: ScenarioCatalog;
  onDrawn?: () => void;
}) {
  const store = useStoreApi();
  const compare = useAppStore((s) => s.compare);
  const left = compare?.left ?? null;
  const right = compare?.right ?? null;
  const leftT = useMemo(() => (left ? catalog.build(left) : null), [left, catalog]);
  const rightT = useMemo(() => (right ? catalog.build(right) : null), [right, catalog]);
  if (!compare || !left || !right || !leftT || !rightT) return null;
  const pick = (side: 'left' | 'right', id: string): void =>
    store.getState().setCompare({ ...compare, [side]: id });
  return (
    <div className="hv-compare">
      <div className="hv-panes">
        <ComparePane
          side="left"
          scenarioId={left}
          topology={leftT}
          catalog={catalog}
          onDrawn={onDrawn}
          onPick={(id) => pick('left', id)}
        />
        <ComparePane
          side="right"
          scenarioId={right}
          topology={rightT}
          catalog={catalog}
          onDrawn={onDrawn}
          onPick={(id) => pick('right', id)}
        />
      </div>
      <Summary catalog={catalog} />
    </div>
  );
}

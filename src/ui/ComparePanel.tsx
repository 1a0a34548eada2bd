import { useMemo } from 'react';
import { compareRows, summarizeTrace } from '../view-model/compare-summary';
import { ComparePane } from './ComparePane';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { useAppStore, useStoreApi } from './StoreContext';

const PENDING = [
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
  if (!compare) return null;
  return (
    <section className="hv-summary" aria-label="Comparison summary">
      {result?.error && <p role="alert">{result.error}</p>}
      <table>
        <caption className="hv-sr-only">What the same packet costs in each design</caption>
        <thead>
          <tr>
            <th scope="col">Same packet, two designs</th>
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
    </section>
  );
}

/** Compare mode: the same request in two designs side by side, in lockstep, with a summary. */
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

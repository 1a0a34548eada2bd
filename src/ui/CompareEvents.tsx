import { traceEvents, type TraceEvent } from '../view-model/trace-events';
import { useAppStore, useStoreApi } from './StoreContext';

const cell = (ev: TraceEvent | undefined) =>
  ev ? (
    <>
      <span className="hv-event-place">{ev.hop.name}</span>
      <span className="hv-event-rule">{ev.hop.layer ?? ev.hop.component}</span>
      <span>{ev.hop.action}</span>
    </>
  ) : (
    <span className="hv-none">—</span>
  );

/** Compare mode's event table: one row per lockstep step, both designs side by side. */
export function CompareEvents({ label = (id) => id }: { label?: (id: string) => string }) {
  const store = useStoreApi();
  const compare = useAppStore((s) => s.compare);
  const left = useAppStore((s) => traceEvents(s.compareResult?.left ?? null, s.verbosity));
  const right = useAppStore((s) => traceEvents(s.compareResult?.right ?? null, s.verbosity));
  const step = useAppStore((s) => s.step);
  if (!compare) return null;
  const n = Math.max(left.length, right.length);
  const jump = (i: number): void => {
    store.getState().setPlaying(false);
    store.getState().setStep(i);
  };
  return (
    <div className="hv-compare-events">
      <h2 className="hv-panel-title">Events in lockstep</h2>
      <table className="hv-events-table" aria-label="Trace events, both designs">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{label(compare.left)}</th>
            <th scope="col">{label(compare.right)}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: n }, (_, i) => (
            <tr
              key={i}
              aria-current={i === step ? 'step' : undefined}
              data-step={i}
              onClick={() => jump(i)}
            >
              <th scope="row">
                <button
                  type="button"
                  className="hv-link"
                  onClick={() => jump(i)}
                  aria-label={`Jump to step ${i + 1}`}
                >
                  {i + 1}
                </button>
              </th>
              <td>{cell(left[i])}</td>
              <td>{cell(right[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

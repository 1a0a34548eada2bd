import { useState, type ReactNode } from 'react';
import { traceEvents } from '../state/trace-events';
import { EventList } from './EventList';
import { HeaderCard } from './HeaderCard';
import { HopDetail } from './HopDetail';
import { useAppStore } from './StoreContext';

/** Verdict line of the whole trace. */
function Verdict() {
  const trace = useAppStore((s) => s.trace);
  const status = useAppStore((s) => s.traceStatus);
  if (status === 'running') return <p className="hv-verdict">Tracing in the engine worker…</p>;
  if (!trace) return null;
  return (
    <p className={`hv-verdict is-${trace.verdict}`} data-verdict={trace.verdict}>
      <strong>{trace.verdict}</strong> — {trace.reason}
    </p>
  );
}

/** The trace side panel (header card, hop, event list), with a tab back to the object list. */
export function TraceSide({ objects, lead }: { objects: ReactNode; lead?: ReactNode }) {
  const hasTrace = useAppStore((s) => s.traceRequest !== null);
  const [tab, setTab] = useState<'trace' | 'objects'>('trace');
  const ev = useAppStore((s) => traceEvents(s.trace, s.verbosity)[s.step] ?? null);
  const canTrace = hasTrace || lead !== undefined;
  const show = canTrace && tab === 'trace' ? 'trace' : 'objects';
  return (
    <>
      <div className="hv-side-tabs" role="tablist" aria-label="Side panel">
        {(['trace', 'objects'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={show === t}
            onClick={() => setTab(t)}
            disabled={t === 'trace' && !canTrace}
          >
            {t === 'trace' ? 'Trace' : 'Objects'}
          </button>
        ))}
      </div>
      {show === 'objects' ? (
        objects
      ) : (
        <div className="hv-trace-side">
          {lead}
          <Verdict />
          <HeaderCard ev={ev} />
          <HopDetail ev={ev} />
          <h2 className="hv-panel-title">Events</h2>
          <EventList />
        </div>
      )}
    </>
  );
}

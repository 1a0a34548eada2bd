import { useState, type ReactNode } from 'react';
import { traceEvents } from '../view-model/trace-events';
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
  // With a reply, say what happened to each leg: "delivered to a1" alone hides the request.
  const legs = trace.legs.length > 1 ? trace.legs : [{ phase: null, ...trace }];
  return (
    <>
      <p className={`hv-verdict is-${trace.verdict}`} data-verdict={trace.verdict}>
        {legs.map((leg, i) => (
          <span key={i} className="hv-verdict-leg" data-phase={leg.phase ?? undefined}>
            {i > 0 && ' · '}
            {leg.phase && `${leg.phase === 'request' ? 'Request' : 'Reply'}: `}
            <strong>{leg.verdict}</strong> — {leg.reason}
          </span>
        ))}
      </p>
      {trace.assumptions.length > 0 && (
        <details className="hv-assumptions" data-testid="assumptions">
          <summary>What the engine assumed ({trace.assumptions.length})</summary>
          <ul>
            {trace.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The trace side panel (header card, hop, event list), with a tab back to the object list. */
export function TraceSide({
  objects,
  lead,
  dump,
}: {
  objects: ReactNode;
  lead?: ReactNode;
  /**
   * An imported dump's inputs, lint and diagnostics: a "Dump" tab, opened on import. Rendered
   * once and kept mounted while another tab shows (`hidden`: out of the layout, the
   * accessibility tree and the tab order): unmounting and mounting its thousands of elements on
   * every switch was most of the pick's task on a big cluster.
   */
  dump?: (hidden: boolean) => ReactNode;
}) {
  const hasTrace = useAppStore((s) => s.traceRequest !== null);
  const hasDump = dump !== undefined;
  const [tab, setTab] = useState<'trace' | 'objects' | 'dump'>(hasDump ? 'dump' : 'trace');
  // A newly shown dump opens its tab; a packet traced from there shows its events.
  const dumpKey = useAppStore((s) => (hasDump ? s.dumpTopology : null));
  const runId = useAppStore((s) => s.traceRunId);
  const reveal = useAppStore((s) => s.revealSeq);
  const [seen, setSeen] = useState({ dumpKey, runId, reveal });
  if (seen.dumpKey !== dumpKey || seen.runId !== runId || seen.reveal !== reveal) {
    setSeen({ dumpKey, runId, reveal });
    if (seen.reveal !== reveal) setTab('objects');
    else if (dumpKey !== null && seen.dumpKey !== dumpKey) setTab('dump');
    else if (hasDump && seen.runId !== runId) setTab('trace');
  }
  const ev = useAppStore((s) => traceEvents(s.trace, s.verbosity)[s.step] ?? null);
  const canTrace = hasTrace || lead !== undefined;
  const show =
    tab === 'dump' && hasDump ? 'dump' : canTrace && tab === 'trace' ? 'trace' : 'objects';
  const tabs = hasDump ? (['dump', 'trace', 'objects'] as const) : (['trace', 'objects'] as const);
  return (
    <>
      <div className="hv-side-tabs" role="tablist" aria-label="Side panel">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={show === t}
            onClick={() => setTab(t)}
            disabled={t === 'trace' && !canTrace}
          >
            {t === 'trace' ? 'Trace' : t === 'dump' ? 'Dump' : 'Objects'}
          </button>
        ))}
      </div>
      {dump?.(show !== 'dump')}
      {show === 'objects' ? (
        objects
      ) : show === 'trace' ? (
        <div className="hv-trace-side">
          {lead}
          <Verdict />
          <HeaderCard ev={ev} />
          <HopDetail ev={ev} />
          <h2 className="hv-panel-title">Events</h2>
          <EventList />
        </div>
      ) : null}
    </>
  );
}

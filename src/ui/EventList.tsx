import { useEffect, useMemo, useRef, useState } from 'react';
import {
  eventFilterChoices,
  filterEvents,
  priorityText,
  type EventFilter,
} from '../view-model/event-filter';
import { traceEvents, type TraceEvent } from '../view-model/trace-events';
import { ConfidenceBadge } from './ConfidenceBadge';
import { ModelName } from './HopDetail';
import { useAppStore, useStoreApi } from './StoreContext';
import { deciderText, placeText, rewriteText } from '../view-model/trace-format';

function Row({
  ev,
  current,
  rules,
  onJump,
}: {
  ev: TraceEvent;
  current: boolean;
  rules: boolean;
  onJump: (i: number) => void;
}) {
  const h = ev.hop;
  const rw = rewriteText(ev);
  const misses = rules ? ev.hops.flatMap((x) => x.nearMisses) : [];
  return (
    <li
      className={`hv-event phase-${h.phase}${h.action === 'drop' ? ' is-drop' : ''}`}
      aria-current={current ? 'step' : undefined}
      data-step={ev.index}
    >
      <button type="button" className="hv-event-jump" onClick={() => onJump(ev.index)}>
        <span className="hv-event-n">{ev.index + 1}</span>
        <span className="hv-event-place">{placeText(ev)}</span>
        <span className="hv-event-rule">
          {/* The name gives way (ellipsis); the model-name badge never does. */}
          <span className="hv-event-rule-name">{deciderText(ev)}</span>
          {ev.hop.nameSource === 'model' && <ModelName />}
        </span>
        <span className="hv-event-prio" title="Priority of the deciding rule">
          <span className="hv-sr-only">priority </span>
          {priorityText(ev)}
        </span>
        <span className="hv-event-action">
          {h.action}
          {rw && <span className="hv-event-rewrite"> — {rw}</span>}
        </span>
      </button>
      {rules && (
        <div className="hv-event-more">
          <ConfidenceBadge confidence={h.confidence} />
          {h.why.length > 0 && <span className="hv-event-why">{h.why.join(' · ')}</span>}
          {misses.length > 0 && (
            <ul className="hv-misses" aria-label="Near misses">
              {misses.map((m) => (
                <li key={`${m.rule}|${m.field}`}>
                  near miss <code>{m.rule}</code>: {m.field} wants {m.expected}, packet has{' '}
                  {m.actual}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * One row per event (an ordered list), in sync with the drawing; click a row to jump there.
 * A filter keeps only drops, rewrites, ACL hops or one layer (rows keep their step numbers).
 */
export function EventList() {
  const store = useStoreApi();
  const all = useAppStore((s) => traceEvents(s.trace, s.verbosity));
  const noHops = useAppStore((s) => s.trace !== null && s.trace.hops.length === 0);
  const [filter, setFilter] = useState<EventFilter>('');
  const choices = useMemo(() => eventFilterChoices(all), [all]);
  const shown = choices.some((c) => c.value === filter) ? filter : '';
  const events = useMemo(() => filterEvents(all, shown), [all, shown]);
  const step = useAppStore((s) => s.step);
  const rules = useAppStore((s) => s.verbosity === 'rules');
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // Scroll inside the list only: the page layout never moves.
    const row = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    const list = listRef.current;
    if (!row || !list) return;
    const top = row.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + row.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top - list.clientHeight / 3;
  }, [step, events]);
  if (all.length === 0)
    return (
      <p className="hv-hint">
        {noHops
          ? 'No events: the packet stopped before its first hop (the verdict above says why).'
          : 'Run a trace to see its events.'}
      </p>
    );
  const jump = (i: number): void => {
    store.getState().setPlaying(false);
    store.getState().setStep(i);
  };
  return (
    <>
      <label className="hv-events-filter">
        Show{' '}
        <select
          aria-label="Show events"
          value={shown}
          onChange={(e) => setFilter(e.target.value as EventFilter)}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>{' '}
        <span className="hv-events-count" role="status">
          {shown ? `${events.length} of ${all.length}` : `${all.length} events`}
        </span>
      </label>
      {events.length === 0 && <p className="hv-hint">No event of this trace matches.</p>}
      <ol className="hv-events" ref={listRef} aria-label="Trace events">
        {events.map((ev) => (
          <Row key={ev.index} ev={ev} current={ev.index === step} rules={rules} onJump={jump} />
        ))}
      </ol>
    </>
  );
}

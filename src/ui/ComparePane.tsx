import { useEffect, useMemo } from 'react';
import type { Topology } from '../model/types';
import type { AppState } from '../state/app-state';
import { createAppStore } from '../state/create-app-store';
import { traceEvents } from '../view-model/trace-events';
import type { ScenarioCatalog } from '../share/scenario-catalog';
import { StoreProvider, useAppStore, useStoreApi } from './StoreContext';
import { TopologyCanvas } from './TopologyCanvas';
import { THEME_TEXT_SCALE } from './text-scale';
import { deciderText, placeText, rewriteText } from '../view-model/trace-format';

const noop = (): void => undefined;

/** What the pane's packet is doing now (fixed height: the layout never moves). */
function PaneCaption() {
  const ev = useAppStore((s) => traceEvents(s.trace, s.verbosity)[s.step] ?? null);
  const n = useAppStore((s) => traceEvents(s.trace, s.verbosity).length);
  const done = useAppStore(
    (s) =>
      s.trace !== null && s.step >= 0 && s.step >= traceEvents(s.trace, s.verbosity).length - 1,
  );
  const verdict = useAppStore((s) => s.trace?.verdict ?? null);
  const rw = ev ? rewriteText(ev) : null;
  return (
    <p className="hv-pane-caption" data-step={ev?.index ?? -1}>
      {ev ? (
        <>
          <span className="hv-pane-n">
            {ev.index + 1}/{n}
          </span>{' '}
          {placeText(ev)} · <code>{deciderText(ev)}</code> → <strong>{ev.hop.action}</strong>
          {rw && <span className="hv-event-rewrite"> — {rw}</span>}
          {done && <span className={`hv-pane-done is-${verdict ?? ''}`}> ({verdict})</span>}
        </>
      ) : (
        <span className="hv-hint">{n ? `${n} events` : 'Tracing…'}</span>
      )}
    </p>
  );
}

interface Props {
  readonly side: 'left' | 'right';
  readonly scenarioId: string;
  readonly topology: Topology;
  readonly catalog: ScenarioCatalog;
  readonly onPick: (id: string) => void;
  readonly onDrawn?: () => void;
}

/**
 * One design of the compare view: a drawing with its own store, kept in lockstep with the
 * viewer's step (the shorter trace waits at its end).
 */
export function ComparePane({
  side,
  scenarioId,
  topology,
  catalog,
  onPick,
  onDrawn = noop,
}: Props) {
  const parent = useStoreApi();
  const theme = useAppStore((s) => s.theme);
  const child = useMemo(() => createAppStore({ scenarioId, topology }), [scenarioId, topology]);
  useEffect(() => {
    const apply = (s: AppState): void => {
      const trace = s.compareResult?.[side] ?? null;
      if (child.getState().trace !== trace) {
        child.getState().setTraceRequest(s.traceRequest);
        if (trace) child.getState().traceSucceeded(child.getState().traceRunId, trace);
      }
      const c = child.getState();
      if (c.verbosity !== s.verbosity) c.setVerbosity(s.verbosity);
      if (c.motion !== s.motion) c.setMotion(s.motion);
      if (c.speed !== s.speed) c.setSpeed(s.speed);
      const step = Math.min(s.step, traceEvents(trace, s.verbosity).length - 1);
      if (child.getState().step !== step) child.getState().setStep(step);
    };
    apply(parent.getState());
    return parent.subscribe(apply);
  }, [parent, child, side]);
  const title = catalog.title(scenarioId);
  return (
    <section
      className={`hv-pane hv-pane-${side}`}
      aria-label={`${side === 'left' ? 'Left' : 'Right'} design: ${title}`}
      data-scenario={scenarioId}
    >
      <header className="hv-pane-head">
        <label>
          <span className="hv-sr-only">{side === 'left' ? 'Left design' : 'Right design'}</span>
          <select value={scenarioId} onChange={(e) => onPick(e.target.value)}>
            {catalog.ids.map((id) => (
              <option key={id} value={id}>
                {catalog.shortTitle(id)}
              </option>
            ))}
          </select>
        </label>
        <span className="hv-pane-title">{title}</span>
      </header>
      <StoreProvider store={child}>
        <div className="hv-pane-canvas">
          <TopologyCanvas
            title={title}
            onDrawn={onDrawn}
            fitOnResize
            textScale={THEME_TEXT_SCALE[theme]}
          />
        </div>
        <PaneCaption />
      </StoreProvider>
    </section>
  );
}

import { traceEvents } from '../view-model/trace-events';
import { useAppStore } from './StoreContext';
import { transcriptLine } from '../view-model/trace-format';

/** Screen-reader transcript: the current hop's line, announced politely as you step. */
export function Transcript() {
  const events = useAppStore((s) => traceEvents(s.trace, s.verbosity));
  const step = useAppStore((s) => s.step);
  const verdict = useAppStore((s) => (s.trace ? `${s.trace.verdict}: ${s.trace.reason}` : null));
  const ev = events[step];
  const end = ev && step === events.length - 1 && verdict ? ` End of trace, ${verdict}.` : '';
  return (
    <p className="hv-sr-only" aria-live="polite" aria-atomic="true" data-testid="transcript">
      {ev ? transcriptLine(ev, events.length) + end : ''}
    </p>
  );
}

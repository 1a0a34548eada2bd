import { PacketBuilder } from './PacketBuilder';
import { Playback } from './Playback';
import { useAppStore } from './StoreContext';
import './trace.css';
import './trace-panels.css';
import './compare-lessons.css';
import './themes.css';

/** The row under the header: packet builder (full chrome) and playback controls. */
export function TraceBar({ builder }: { builder: boolean }) {
  // Re-key the builder when the request changes elsewhere (lesson, link, preset) so its fields follow.
  // …and when a dump replaces the scenario (its sources are the dump's endpoints).
  const reqKey = useAppStore(
    (s) => `${JSON.stringify(s.traceRequest)} ${s.scenarioId ?? s.topology?.id ?? ''}`,
  );
  const mode = useAppStore((s) => s.mode);
  return (
    <div className="hv-tracebar">
      {builder && mode !== 'lesson' && <PacketBuilder key={reqKey} />}
      <Playback />
    </div>
  );
}

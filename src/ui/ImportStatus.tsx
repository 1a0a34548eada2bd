import type { Importer } from '../dump-import/importer';
import { selectDumpShown } from '../state/slices/dump-slice';
import { DiagnosticList } from './DiagnosticsPanel';
import { progressPercent, progressText } from './import-text';
import { useAppStore, useStoreApi } from './StoreContext';

/**
 * The import's line under the header: progress while parsing, a failed import's located
 * message (the previous view stays), or the shown dump with Scrub / Clear.
 */
export function ImportStatus({
  importer,
  onCleared,
}: {
  importer: Importer;
  onCleared: () => void;
}) {
  const store = useStoreApi();
  const importing = useAppStore((s) => s.importing);
  const progress = useAppStore((s) => s.importProgress);
  const failure = useAppStore((s) => s.importFailure);
  const dump = useAppStore((s) => s.dump);
  const shown = useAppStore(selectDumpShown);

  if (importing) {
    const text = progress ? progressText(progress) : 'Starting the parser…';
    // Indeterminate while files are listed; a share of the bytes while they are read.
    const pct = progress && progress.phase !== 'read' ? progressPercent(progress) : undefined;
    return (
      <div className="hv-import-status" role="status" data-testid="import-progress">
        <span>{text}</span>
        <progress
          max={100}
          value={pct}
          aria-label="Import progress"
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuetext={text}
          data-testid="import-progress-bar"
        />
        <button type="button" onClick={() => importer.cancel()} data-testid="import-cancel">
          Cancel import
        </button>
      </div>
    );
  }
  if (failure) {
    return (
      <div className="hv-error hv-import-failure" role="alert" data-testid="import-failure">
        <p>{failure.message}</p>
        {failure.skipped.length > 0 && (
          <ul className="hv-skipped">
            {failure.skipped.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>: {s.why}
              </li>
            ))}
          </ul>
        )}
        <DiagnosticList diagnostics={failure.diagnostics} max={5} />
        <button type="button" onClick={() => store.getState().dismissImportFailure()}>
          Dismiss
        </button>
      </div>
    );
  }
  if (!dump) return null;
  const objects = dump.inputs.reduce((n, i) => n + i.objects, 0);
  return (
    <div className="hv-import-status" data-testid="dump-status">
      <span>
        {shown ? 'Showing' : 'Kept'} the dump of {dump.inputs.length} input
        {dump.inputs.length === 1 ? '' : 's'} ({objects.toLocaleString('en')} objects)
        {dump.scrubbed ? ', scrubbed' : ''}
        {dump.restored ? ', restored from this browser' : ''}.
      </span>
      {!shown && (
        <button
          type="button"
          onClick={() => {
            const t = store.getState().dumpTopology;
            if (t) store.getState().loadTopology(null, t);
          }}
        >
          Show the dump
        </button>
      )}
      <button
        type="button"
        disabled={dump.scrubbed || !shown}
        title="Replace IPs, MACs, GUIDs and names, consistently, before sharing or exporting"
        onClick={() => void importer.scrub()}
      >
        Scrub
      </button>
      <button
        type="button"
        title="Forget the dump and the copy kept in this browser"
        onClick={() => void importer.clear().then(onCleared)}
      >
        Clear
      </button>
    </div>
  );
}

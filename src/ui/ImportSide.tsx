import { memo, startTransition, useEffect, useState } from 'react';
import type { Importer } from '../dump-import/importer';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { DiffPanel } from './DiffPanel';
import { NodesPanel } from './NodesPanel';
import { COLLECTOR_URL } from './import-text';
import { LintPanel } from './LintPanel';
import { useAppStore } from './StoreContext';
import type { SnapshotCompare } from './useSnapshotCompare';

/**
 * The side panel's "Dump" tab: inputs (detected format, encoding), lint, diagnostics. Kept
 * mounted while another tab shows (`hidden`); memoised, so the side panel's own re-renders (a
 * playback step, a tab switch) do not render it again. The panels below the inputs first mount
 * a task after the dump is shown (a transition): their first render and layout (~330 ms for a
 * 20-node cluster) were one task with the canvas's.
 */
export const ImportSide = memo(function ImportSide({
  importer,
  snapshots,
  hidden,
}: {
  importer: Importer;
  snapshots: SnapshotCompare;
  hidden: boolean;
}) {
  const dump = useAppStore((s) => s.dump);
  // Once mounted the panels stay for the next dump (their state too), as before.
  const [panels, setPanels] = useState(false);
  if (!dump && panels) setPanels(false);
  useEffect(() => {
    if (!dump || panels) return;
    const timer = setTimeout(() => startTransition(() => setPanels(true)), 0);
    return () => clearTimeout(timer);
  }, [dump, panels]);
  if (!dump) return null;
  return (
    <div className="hv-dump-side" data-testid="dump-side" hidden={hidden}>
      <section className="hv-dump-section" aria-labelledby="hv-inputs-title">
        <h2 id="hv-inputs-title" className="hv-panel-title">
          Inputs
        </h2>
        <ul className="hv-inputs" data-testid="dump-inputs">
          {dump.inputs.map((i, k) => (
            <li key={k}>
              <strong>{i.name}</strong>{' '}
              <span className="hv-format" data-testid="input-format">
                {i.format}
              </span>{' '}
              · {i.encoding === 'text' ? 'pasted text' : i.encoding}
              {i.newline !== 'none' ? ` ${i.newline.toUpperCase()}` : ''} · {i.objects} objects
            </li>
          ))}
          {dump.skipped.map((s) => (
            <li key={`skip:${s.name}`} className="is-skipped">
              <strong>{s.name}</strong> — not read: {s.why}
            </li>
          ))}
        </ul>
        <p className="hv-derived-note">
          Dashed outlines: derived by hnsviz from HNS policies
          {dump.vfpGiven ? ' (where vfpctrl output did not cover them)' : ''}, not read from the
          node.
        </p>
        <p className="hv-derived-note">
          Missing something? Run{' '}
          <a className="hv-collector" href={COLLECTOR_URL} download="collect-hnsviz.ps1">
            Get the collector script
          </a>{' '}
          (read-only) on the node and import its file.
        </p>
      </section>
      {panels && (
        <>
          <NodesPanel importer={importer} />
          <LintPanel findings={dump.findings} />
          <DiffPanel snapshots={snapshots} beforeIn={importer.sendIn} />
          <DiagnosticsPanel diagnostics={dump.diagnostics} />
        </>
      )}
    </div>
  );
});

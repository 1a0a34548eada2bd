import { useState } from 'react';
import type { Finding } from '../lint/types';
import { useAppStore, useStoreApi } from './StoreContext';

const MAX = 60;

/** One finding: Problem → Evidence → Fix; the title selects the objects concerned. */
function FindingItem({ f, active, onPick }: { f: Finding; active: boolean; onPick: () => void }) {
  const store = useStoreApi();
  return (
    <li className={`hv-finding is-${f.severity}${active ? ' is-active' : ''}`} data-code={f.code}>
      <button
        type="button"
        className="hv-finding-title"
        aria-pressed={active}
        disabled={f.objectIds.length === 0}
        onClick={() => {
          onPick();
          store.getState().highlightObjects(f.objectIds);
        }}
        data-testid="finding"
      >
        <span className="hv-sev">{f.severity}</span> {f.title}
        {f.objectIds.length > 0 && (
          <span className="hv-count">
            {' '}
            · {f.objectIds.length} object{f.objectIds.length === 1 ? '' : 's'}
          </span>
        )}
      </button>
      <dl className="hv-pef">
        <dt>Problem</dt>
        <dd>{f.problem}</dd>
        <dt>Evidence</dt>
        <dd>{f.evidence}</dd>
        <dt>Fix</dt>
        <dd>{f.fix}</dd>
      </dl>
    </li>
  );
}

/** Lint findings on the dumped node; clicking one highlights its objects. */
export function LintPanel({ findings }: { findings: readonly Finding[] }) {
  const [all, setAll] = useState(false);
  const highlight = useAppStore((s) => s.highlightIds);
  const selected = useAppStore((s) => s.selectedId);
  const [picked, setPicked] = useState(-1);
  // Active while its objects are still the highlighted selection.
  const live = selected !== null && highlight[0] === selected;
  const shown = all ? findings : findings.slice(0, MAX);
  return (
    <section className="hv-dump-section" aria-labelledby="hv-lint-title" data-testid="lint-panel">
      <h2 id="hv-lint-title" className="hv-panel-title">
        Lint findings ({findings.length})
      </h2>
      {findings.length === 0 ? (
        <p className="hv-empty">No known problem found on this node.</p>
      ) : (
        <ul className="hv-findings">
          {shown.map((f, i) => (
            <FindingItem key={i} f={f} active={live && picked === i} onPick={() => setPicked(i)} />
          ))}
        </ul>
      )}
      {findings.length > shown.length && (
        <button type="button" className="hv-more" onClick={() => setAll(true)}>
          Show all {findings.length.toLocaleString('en')} findings
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import { sortDiagnostics, whereOf } from '../dump-import/outcome';
import type { Diagnostic } from '../parsers/index';

/** Located diagnostics: code, input:line:column, message, what was expected, hint. */
export function DiagnosticList({
  diagnostics,
  max = 50,
}: {
  diagnostics: readonly Diagnostic[];
  max?: number;
}) {
  const [all, setAll] = useState(false);
  if (diagnostics.length === 0) return null;
  const list = sortDiagnostics(diagnostics);
  const shown = all ? list : list.slice(0, max);
  return (
    <>
      <ul className="hv-diags" data-testid="diagnostics">
        {shown.map((d, i) => (
          <li key={i} className={`hv-diag is-${d.severity}`} data-code={d.code}>
            <span className="hv-sev">{d.severity}</span> <code>{d.code}</code>{' '}
            <span className="hv-where">{whereOf(d)}</span> — {d.message}
            {d.expected && <div className="hv-expected">Expected: {d.expected}</div>}
            {d.hint && <div className="hv-hint">Hint: {d.hint}</div>}
          </li>
        ))}
      </ul>
      {list.length > shown.length && (
        <button type="button" className="hv-more" onClick={() => setAll(true)}>
          Show all {list.length.toLocaleString('en')} diagnostics
        </button>
      )}
    </>
  );
}

/** The parser's diagnostics for the shown dump. */
export function DiagnosticsPanel({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="hv-dump-section" aria-labelledby="hv-diag-title">
      <h2 id="hv-diag-title" className="hv-panel-title">
        Parser diagnostics ({diagnostics.length}
        {errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''})
      </h2>
      {diagnostics.length === 0 ? (
        <p className="hv-empty">Everything in the input was understood.</p>
      ) : (
        <DiagnosticList diagnostics={diagnostics} />
      )}
    </section>
  );
}

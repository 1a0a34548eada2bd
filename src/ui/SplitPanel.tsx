import { useEffect, useState } from 'react';
import { lineAt, lineCount, suggestSplits, type SplitSuggestion } from '../cluster/split';
import type { Importer } from '../dump-import/importer';

/**
 * Split one input between nodes: a paste (or file) that holds several nodes' outputs. Lists
 * the lines where evidence says the next node begins (collector header, host name, ManagementIP;
 * a repeated command, unticked), each with the line itself, and takes any other line the user
 * names. Splitting reads the parts again, each attributed to its node by its own evidence.
 */
export function SplitPanel({
  importer,
  input,
  onClose,
}: {
  importer: Importer;
  input: string;
  onClose: () => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<readonly SplitSuggestion[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void importer.inputText(input).then((t) => {
      if (!live) return;
      if (t === null) {
        setError(`${input} is no longer kept; import it again to split it.`);
        return;
      }
      const s = suggestSplits(t);
      setText(t);
      setSuggestions(s);
      setChosen(new Set(s.filter((x) => x.strong).map((x) => x.line)));
    });
    return () => {
      live = false;
    };
  }, [importer, input]);

  const total = text === null ? 0 : lineCount(text);
  const rows: SplitSuggestion[] = [
    ...suggestions,
    ...[...chosen]
      .filter((l) => !suggestions.some((s) => s.line === l))
      .map((l) => ({
        line: l,
        kind: 'user' as const,
        value: '',
        detail: `line ${l}: chosen`,
        strong: true,
      })),
  ].sort((a, b) => a.line - b.line);
  const toggle = (l: number): void => {
    const next = new Set(chosen);
    if (next.has(l)) next.delete(l);
    else next.add(l);
    setChosen(next);
  };
  const add = (): void => {
    const n = Number(line);
    if (!Number.isInteger(n) || n < 2 || n > total) {
      setError(`Give a line from 2 to ${total}: the first line of the next node’s output.`);
      return;
    }
    setChosen(new Set([...chosen, n]));
    setLine('');
    setError(null);
  };
  const parts = chosen.size + 1;
  return (
    <div
      className="hv-split"
      role="group"
      aria-label={`Split ${input} between nodes`}
      data-testid="split-panel"
    >
      {text === null && error === null && <p role="status">Reading {input}…</p>}
      {text !== null && (
        <>
          <p className="hv-derived-note">
            {suggestions.length > 0
              ? `Where the next node’s output begins in its ${total} lines:`
              : `Nothing in its ${total} lines names a second node: give the line where the next node’s output begins.`}
          </p>
          {rows.length > 0 && (
            <ul className="hv-split-points">
              {rows.map((s) => (
                <li key={s.line}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="split-point"
                      data-line={s.line}
                      data-kind={s.kind}
                      checked={chosen.has(s.line)}
                      onChange={() => toggle(s.line)}
                    />{' '}
                    {s.detail}
                    {s.strong ? '' : ' (maybe the same node twice)'}
                  </label>
                  <code className="hv-split-line">{lineAt(text, s.line)}</code>
                </li>
              ))}
            </ul>
          )}
          <form
            className="hv-split-add"
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
          >
            <label>
              Split also at line{' '}
              <input
                type="number"
                inputMode="numeric"
                min={2}
                max={total}
                value={line}
                data-testid="split-line"
                onChange={(e) => setLine(e.target.value)}
              />
            </label>{' '}
            <button type="submit">Add</button>
          </form>
          <p>
            <button
              type="button"
              className="hv-primary"
              data-testid="split-apply"
              disabled={chosen.size === 0}
              onClick={() =>
                void importer.splitInput(input, [...chosen]).then((ok) => {
                  if (ok) onClose();
                })
              }
            >
              Split into {parts} inputs
            </button>{' '}
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </p>
        </>
      )}
      {error !== null && (
        <p className="hv-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

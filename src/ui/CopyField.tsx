import { useId, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: string;
  /** Rows of the text area; 1 renders a single-line input. */
  readonly rows?: number;
  readonly testId?: string;
}

/** A read-only value with a Copy button (clipboard API, falling back to selecting the text). */
export function CopyField({ label, value, rows = 1, testId }: Props) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      const el = document.getElementById(id);
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.select();
    }
  };
  return (
    <div className="hv-copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="hv-copy-row">
        {rows > 1 ? (
          <textarea id={id} readOnly rows={rows} value={value} data-testid={testId} />
        ) : (
          <input id={id} readOnly value={value} data-testid={testId} />
        )}
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={`Copy ${label.toLowerCase()}`}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

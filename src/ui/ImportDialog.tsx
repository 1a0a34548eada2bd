import { useEffect, useRef, useState, type DragEvent } from 'react';
import { filesFromDrop, type PickedFile } from '../dump-import/files';
import { BIG_PASTE_CHARS, pasteLabel, preparePaste, previewOf, type BigPaste } from './big-paste';
import { COLLECTOR_URL, PRIVACY_NOTE } from './import-text';

interface Props {
  readonly onText: (name: string, text: string) => void;
  /** A paste too big for the text box, sent to the parser like a file. */
  readonly onBlob: (name: string, blob: Blob) => void;
  readonly onFiles: (files: PickedFile[]) => void;
  readonly onClose: () => void;
}

const picked = (list: FileList | null): PickedFile[] =>
  Array.from(list ?? []).map((file) => ({
    path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
    file,
  }));

/** "Import a dump": paste text, pick files or a folder, or drop them here. */
export function ImportDialog({ onText, onBlob, onFiles, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  // A big paste: its preview at once, its Blob and line count when prepared (in slices).
  const [big, setBig] = useState<{ preview: string; chars: number; ready: BigPaste | null } | null>(
    null,
  );
  const [over, setOver] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const done = (): void => ref.current?.close();
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const walk = filesFromDrop(e.dataTransfer.items, e.dataTransfer.files);
    done();
    void walk.then(onFiles);
  };
  return (
    <dialog
      ref={ref}
      className="hv-dialog hv-import-dialog"
      aria-labelledby="hv-import-title"
      onClose={onClose}
    >
      <h2 id="hv-import-title">Import a node&apos;s HNS dump</h2>
      <p className="hv-privacy" data-testid="privacy-note">
        {PRIVACY_NOTE}
      </p>
      <p className="hv-collector-row">
        <a
          className="hv-collector-button"
          href={COLLECTOR_URL}
          download="collect-hnsviz.ps1"
          data-testid="collector-link"
        >
          Get the collector script
        </a>{' '}
        collect-hnsviz.ps1 gathers, read-only, what hnsviz reads best from a node (HNS JSON,
        hnsdiag, vfpctrl per port) into one file. Run it in an elevated PowerShell on the node, then
        drop that file here.
      </p>
      <label className="hv-paste">
        <span>
          Paste the output of <code>Get-HnsNetwork</code>, <code>Get-HnsEndpoint</code>,{' '}
          <code>hnsdiag list all</code>, <code>vfpctrl</code>, or the collector&apos;s file
        </span>
        {big === null ? (
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPaste={(e) => {
              const pasted = e.clipboardData.getData('text/plain');
              if (pasted.length < BIG_PASTE_CHARS) return;
              e.preventDefault(); // megabytes in a textarea freeze the page
              const pending = { preview: previewOf(pasted), chars: pasted.length, ready: null };
              setBig(pending);
              setText('');
              void preparePaste(pasted).then((ready) =>
                setBig((b) => (b === pending ? { ...pending, ready } : b)),
              );
            }}
            rows={12}
            spellCheck={false}
            autoComplete="off"
            data-testid="paste-area"
          />
        ) : (
          <span className="hv-big-paste" data-testid="paste-summary">
            <span>
              <strong>
                {big.ready !== null
                  ? pasteLabel(big.ready)
                  : `reading the paste (${(big.chars / 1e6).toFixed(1)} million characters)…`}
              </strong>
              : read in the background when you import. First lines:{' '}
              <button type="button" className="hv-linklike" onClick={() => setBig(null)}>
                Remove
              </button>
            </span>
            <pre data-testid="paste-preview">{big.preview}</pre>
          </span>
        )}
      </label>
      <div
        className={`hv-dropzone${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        Drop files or a folder (e.g. what collect-logs wrote) here, or{' '}
        <label className="hv-linklike">
          choose files
          <input
            type="file"
            multiple
            hidden
            data-testid="dump-files"
            onChange={(e) => {
              const f = picked(e.target.files);
              done();
              onFiles(f);
            }}
          />
        </label>{' '}
        or{' '}
        <label className="hv-linklike">
          a folder
          <input
            type="file"
            hidden
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => {
              const f = picked(e.target.files);
              done();
              onFiles(f);
            }}
          />
        </label>
        .
      </div>
      <div className="hv-dialog-actions">
        {/* "Close", not "Cancel": the import panel's "Cancel import" stops a running import. */}
        <button type="button" onClick={done} data-testid="import-dialog-close">
          Close
        </button>
        <button
          type="button"
          className="hv-primary"
          disabled={big === null ? text.trim() === '' : big.ready === null}
          onClick={() => {
            done();
            if (big?.ready) onBlob('paste', big.ready.blob);
            else onText('paste', text);
          }}
        >
          Import
        </button>
      </div>
    </dialog>
  );
}

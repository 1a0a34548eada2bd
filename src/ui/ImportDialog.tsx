import { useEffect, useRef, useState, type DragEvent } from 'react';
import { filesFromDrop, type PickedFile } from '../dump-import/files';
import { COLLECTOR_URL, PRIVACY_NOTE } from './import-text';

interface Props {
  readonly onText: (name: string, text: string) => void;
  readonly onFiles: (files: PickedFile[]) => void;
  readonly onClose: () => void;
}

const picked = (list: FileList | null): PickedFile[] =>
  Array.from(list ?? []).map((file) => ({
    path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
    file,
  }));

/** "Import a dump": paste text, pick files or a folder, or drop them here. */
export function ImportDialog({ onText, onFiles, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
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
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={12}
          spellCheck={false}
          autoComplete="off"
          data-testid="paste-area"
        />
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
        <button type="button" onClick={done}>
          Cancel
        </button>
        <button
          type="button"
          className="hv-primary"
          disabled={text.trim() === ''}
          onClick={() => {
            done();
            onText('paste', text);
          }}
        >
          Import
        </button>
      </div>
    </dialog>
  );
}

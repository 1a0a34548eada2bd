import { useEffect, useRef, useState } from 'react';
import { importViewFile } from '../share/open-view-file';
import { filesFromDrop } from '../dump-import/files';
import type { Importer } from '../dump-import/importer';
import { applyViewState, type CatalogLike } from '../share/store-link';
import { ImportDialog } from './ImportDialog';
import { useStoreApi } from './StoreContext';
import './import.css';

interface Props {
  readonly importer: Importer;
  readonly catalog: CatalogLike;
}

/** A single exported view (SVG or `.hnsviz.json`) is opened as a view, not parsed as a dump. */
const looksExported = (name: string): boolean => /\.svg$|\.hnsviz\.json$/i.test(name);

/**
 * Header action: "Import…" (paste, pick, drop; the dialog offers the collector script),
 * and dropping dump files or folders anywhere on the viewer.
 */
export function ImportActions({ importer, catalog }: Props) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>('.hv-root');
    if (!root) return undefined;
    // Capture phase, before the export menu's own drop handler (which skips prevented drops).
    const onDrop = (e: DragEvent): void => {
      const dt = e.dataTransfer;
      if (!dt || e.defaultPrevented || !dt.types.includes('Files')) return;
      const files = Array.from(dt.files);
      if (files.length === 1 && files[0] && looksExported(files[0].name)) {
        e.preventDefault();
        const file = files[0];
        void importViewFile(file, catalog.ids).then((r) => {
          if (r.ok) applyViewState(store, r.state, catalog);
          else store.getState().setLinkNotice(`Could not open ${r.message}`);
        });
        return;
      }
      e.preventDefault();
      void filesFromDrop(dt.items, dt.files).then((picked) => importer.importFiles(picked));
    };
    root.addEventListener('drop', onDrop, { capture: true });
    return () => root.removeEventListener('drop', onDrop, { capture: true });
  }, [importer, catalog, store]);

  return (
    <div ref={ref} className="hv-import-actions">
      <button
        type="button"
        className="hv-primary"
        title="Import a node's HNS dump: paste it, or open files or a folder (nothing is uploaded)"
        onClick={() => setOpen(true)}
      >
        Import…
      </button>
      {open && (
        <ImportDialog
          onClose={() => setOpen(false)}
          onText={(name, text) => void importer.importText(name, text)}
          onBlob={(name, blob) => void importer.importInputs([{ name, blob }])}
          onFiles={(picked) => void importer.importFiles(picked)}
        />
      )}
    </div>
  );
}

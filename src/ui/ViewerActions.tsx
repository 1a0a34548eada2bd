import { useCallback, useEffect, useRef, useState } from 'react';
import { importViewFile } from '../share/open-view-file';
import { shareLink } from '../share/snippets';
import { encodeLink } from '../share/codec';
import { applyViewState, viewStateOf, type CatalogLike } from '../share/store-link';
import { ExportMenu } from './ExportMenu';
import { ShareDialog } from './ShareDialog';
import { useStoreApi } from './StoreContext';
import './share.css';

interface Props {
  readonly catalog: CatalogLike;
  readonly appUrl: string | undefined;
  readonly chrome: 'full' | 'minimal';
}

const ACCEPT = '.svg,.json,image/svg+xml,application/json';

/**
 * Header actions: Share / embed, Export, and the way back in (a file picker, and dropping an
 * exported SVG or a view file anywhere on the viewer). Embeds get an "Open in hnsviz" link.
 */
export function ViewerActions({ catalog, appUrl, chrome }: Props) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [sharing, setSharing] = useState(false);

  const importFile = useCallback(
    async (file: File): Promise<void> => {
      const r = await importViewFile(file, catalog.ids);
      if (!r.ok) {
        store.getState().setLinkNotice(`Could not open ${r.message}`);
        return;
      }
      store.getState().setLinkNotice(null);
      applyViewState(store, r.state, catalog);
    },
    [store, catalog],
  );

  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>('.hv-root');
    if (!root) return undefined;
    const onDragOver = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent): void => {
      if (e.defaultPrevented) return; // taken by the dump import (ImportActions, capture phase)
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void importFile(file);
    };
    root.addEventListener('dragover', onDragOver);
    root.addEventListener('drop', onDrop);
    return () => {
      root.removeEventListener('dragover', onDragOver);
      root.removeEventListener('drop', onDrop);
    };
  }, [importFile]);

  const findSvg = (): SVGSVGElement | null =>
    ref.current?.closest('.hv-root')?.querySelector<SVGSVGElement>('svg.hnsviz-topology') ?? null;

  if (chrome === 'minimal') {
    return (
      <div ref={ref} className="hv-actions">
        {appUrl && (
          <a
            className="hv-open-full"
            href={appUrl}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(e) => {
              // The full app on the same view (computed now: the view may have changed).
              const state = viewStateOf(store.getState(), catalog);
              const link = state?.source.kind === 'scenario' ? encodeLink(state) : null;
              e.currentTarget.href = shareLink(appUrl, link?.ok ? link.fragment : '');
            }}
          >
            Open in hnsviz ↗
          </a>
        )}
      </div>
    );
  }
  return (
    <div ref={ref} className="hv-actions">
      {appUrl && (
        <button type="button" onClick={() => setSharing(true)}>
          Share<span className="hv-wide-only"> / embed</span>
        </button>
      )}
      <ExportMenu
        catalog={catalog}
        onOpenFile={() => inputRef.current?.click()}
        findSvg={findSvg}
      />
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {sharing && appUrl && (
        <ShareDialog catalog={catalog} appUrl={appUrl} onClose={() => setSharing(false)} />
      )}
    </div>
  );
}

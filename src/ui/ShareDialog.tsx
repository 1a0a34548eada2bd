import { useEffect, useMemo, useRef, useState } from 'react';
import { appBase, elementSnippet, iframeSnippet, shareLink } from '../share/snippets';
import { downloadText, fileStem } from '../export/download';
import { encodeLink, encodePayload, MAX_LINK_CHARS } from '../share/codec';
import { randomScrubKey, scrubViewState } from '../share/scrub-view';
import { viewStateOf, type CatalogLike } from '../share/store-link';
import { CopyField } from './CopyField';
import { useStoreApi } from './StoreContext';

interface Props {
  readonly catalog: CatalogLike;
  readonly appUrl: string;
  readonly onClose: () => void;
}

/** "Share / embed": the link, the iframe snippet and the element snippet, with copy buttons. */
export function ShareDialog({ catalog, appUrl, onClose }: Props) {
  const store = useStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [scrub, setScrub] = useState(true);
  const base = useMemo(() => viewStateOf(store.getState(), catalog), [store, catalog]);
  const isDump = base?.source.kind === 'dump';
  const state = useMemo(
    () => (base && isDump && scrub ? scrubViewState(base, randomScrubKey()) : base),
    [base, isDump, scrub],
  );
  const link = useMemo(() => (state ? encodeLink(state) : null), [state]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const title = `hnsviz: ${base?.source.kind === 'scenario' ? base.source.id : 'imported node'}`;
  const saveFile = (): void => {
    if (state)
      downloadText(
        JSON.stringify(state),
        `${fileStem(title.slice(8))}.hnsviz.json`,
        'application/json',
      );
  };
  return (
    <dialog ref={ref} className="hv-dialog" aria-labelledby="hv-share-title" onClose={onClose}>
      <h2 id="hv-share-title">Share / embed</h2>
      {isDump && (
        <label className="hv-check">
          <input type="checkbox" checked={!scrub} onChange={(e) => setScrub(!e.target.checked)} />
          Keep real addresses and names (by default IPs, MACs, GUIDs and names are replaced)
        </label>
      )}
      {!state && <p>Nothing to share yet.</p>}
      {state && link && !link.ok && (
        <div role="status" className="hv-too-long" data-testid="link-too-long">
          <p>
            This view is too large for a link ({link.tooLong.toLocaleString('en')} characters; the
            limit is {MAX_LINK_CHARS.toLocaleString('en')}). Share it as a file instead: anyone can
            drop the file onto hnsviz to open the same view.
          </p>
          <button type="button" onClick={saveFile}>
            Download the view as a file
          </button>
        </div>
      )}
      {state && link?.ok && (
        <>
          <CopyField label="Link" value={shareLink(appUrl, link.fragment)} testId="share-link" />
          <CopyField
            label="Embed with an iframe"
            rows={3}
            value={iframeSnippet(appUrl, link.fragment, title)}
            testId="share-iframe"
          />
          <CopyField
            label="Embed with the element"
            rows={3}
            value={elementSnippet(appBase(appUrl), state, encodePayload(state))}
            testId="share-element"
          />
          <button type="button" className="hv-link-button" onClick={saveFile}>
            Or download the view as a file
          </button>
        </>
      )}
      <form method="dialog" className="hv-dialog-actions">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { appBase, elementSnippet, iframeSnippet, shareLink } from '../share/snippets';
import { downloadText, fileStem } from '../export/download';
import { outgoingStateFile } from '../export/outgoing';
import { encodeLink, encodePayload, MAX_LINK_CHARS, whyNotShareable } from '../share/codec';
import { holdsPrivateData, outgoing } from '../share/privacy';
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
  const isPrivate = holdsPrivateData(base);
  const out = useMemo(
    () => (base ? outgoing(base, store.getState().topology, { keepReal: !scrub }) : null),
    [base, store, scrub],
  );
  const state = out?.state ?? null;
  // Checked before anything is offered: a link that opens to an error is never handed out.
  const problem = useMemo(
    () => (state ? whyNotShareable(state, catalog.ids) : null),
    [state, catalog],
  );
  const link = useMemo(
    () => (state && problem === null ? encodeLink(state) : null),
    [state, problem],
  );

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const title = `hnsviz: ${base?.source.kind === 'scenario' ? base.source.id : 'imported node'}`;
  const saveFile = (): void => {
    if (out)
      downloadText(
        outgoingStateFile(out),
        `${fileStem(title.slice(8))}.hnsviz.json`,
        'application/json',
      );
  };
  return (
    <dialog ref={ref} className="hv-dialog" aria-labelledby="hv-share-title" onClose={onClose}>
      <h2 id="hv-share-title">Share / embed</h2>
      {isPrivate && (
        <>
          <label className="hv-check">
            <input type="checkbox" checked={!scrub} onChange={(e) => setScrub(!e.target.checked)} />
            Keep real addresses and names
          </label>
          <p className="hv-share-privacy" data-testid="share-privacy">
            {scrub
              ? 'The link and file are scrubbed: IPs, MACs, GUIDs, names, DNS suffixes and servers, policy IDs, host and file names and free text are replaced (a fresh key each time).'
              : 'The link and file carry the dump as imported, with every real address and name.'}
          </p>
        </>
      )}
      {!state && <p>Nothing to share yet.</p>}
      {state && problem !== null && (
        <p role="alert" className="hv-too-long" data-testid="share-problem">
          This view cannot be shared: it would not open again ({problem}).
        </p>
      )}
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

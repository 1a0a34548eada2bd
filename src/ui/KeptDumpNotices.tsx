import type { Importer } from '../dump-import/importer';
import { useAppStore, useStoreApi } from './StoreContext';

/** `12.4 MB` / `812 kB` (decimal units, as file managers show sizes). */
export function sizeText(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

const when = (t: number): string =>
  new Date(t).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The browser's copy of the last import: the offer to reopen it (never parsed by a page load
 * when big, or when a link or design was asked for) and the warning that a dump just imported
 * will not be kept (storage blocked, failing or full).
 */
export function KeptDumpNotices({ importer }: { importer: Importer }) {
  const store = useStoreApi();
  const offer = useAppStore((s) => s.keptOffer);
  const problem = useAppStore((s) => s.storageProblem);
  const importing = useAppStore((s) => s.importing);
  return (
    <>
      {problem && (
        <div className="hv-error hv-link-notice" role="alert" data-testid="storage-problem">
          <span>{problem}</span>
          <button type="button" onClick={() => store.getState().storageFailed(null)}>
            Dismiss
          </button>
        </div>
      )}
      {offer && !importing && (
        <div className="hv-import-status" role="status" data-testid="kept-offer">
          <span>
            Your last import is kept in this browser: {offer.names.length} input
            {offer.names.length === 1 ? '' : 's'}, {sizeText(offer.bytes)}
            {offer.scrubbed ? ', scrubbed' : ''}, saved {when(offer.savedAt)}.
          </span>
          <button
            type="button"
            className="hv-primary"
            title={offer.names.join(', ')}
            onClick={() => void importer.restore(true)}
          >
            Reopen last import ({sizeText(offer.bytes)})
          </button>
          <button
            type="button"
            title="Delete the copy kept in this browser"
            onClick={() => void importer.forgetKept()}
          >
            Forget it
          </button>
        </div>
      )}
    </>
  );
}

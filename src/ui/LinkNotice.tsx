import { useAppStore, useStoreApi } from './StoreContext';

/** Why a link or a dropped file could not be opened (dismissable). */
export function LinkNotice() {
  const store = useStoreApi();
  const notice = useAppStore((s) => s.linkNotice);
  if (!notice) return null;
  return (
    <div className="hv-error hv-link-notice" role="alert" data-testid="link-notice">
      <span>{notice}</span>
      <button type="button" onClick={() => store.getState().setLinkNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}

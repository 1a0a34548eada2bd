import { useAppStore, useStoreApi } from './StoreContext';

/**
 * Says that the background engine failed while idle and was restarted with the current
 * topology (a failure during an import or a trace is reported by that import or trace).
 */
export function EngineNotice() {
  const store = useStoreApi();
  const notice = useAppStore((s) => s.engineNotice);
  if (!notice) return null;
  return (
    <div className="hv-error hv-link-notice" role="alert" data-testid="engine-notice">
      <span>
        The background engine stopped: {notice}. What is on screen is unchanged; traces and imports
        go on as before.
      </span>
      <button type="button" onClick={() => store.getState().engineRestarted(null)}>
        Dismiss
      </button>
    </div>
  );
}

import type { AppStore } from '../state/create-app-store';
import type { EngineClientOptions } from '../worker/engine-client';

/**
 * The `onFault` of a viewer's engine clients: a worker that failed with requests in flight is
 * reported by those requests (the import or trace says so); one that failed idle has nobody
 * else to tell the user, so the store's engine notice does.
 */
export const reportIdleFault =
  (store: AppStore): NonNullable<EngineClientOptions['onFault']> =>
  (message, { inFlight }) => {
    if (inFlight === 0) store.getState().engineRestarted(message);
  };

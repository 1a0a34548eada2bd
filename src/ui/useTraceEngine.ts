import { useEffect } from 'react';
import type { Topology } from '../model/types';
import {
  connectTraceRunner,
  createClientTraceEngine,
  type TraceEngine,
} from '../state/trace-runner';
import { spawnEngineClient } from '../worker/spawn-engine';
import { reportIdleFault } from './engine-faults';
import { useStoreApi } from './StoreContext';

/**
 * Connect this viewer's store to a trace engine: the injected one (tests), or a worker of its
 * own. The worker is disposed with the viewer.
 */
export function useTraceEngine(build: (id: string) => Topology, injected?: TraceEngine): void {
  const store = useStoreApi();
  useEffect(() => {
    if (injected) return connectTraceRunner(store, injected, build);
    const client = spawnEngineClient({ onFault: reportIdleFault(store) });
    if (!client) return undefined;
    const off = connectTraceRunner(store, createClientTraceEngine(client), build);
    return () => {
      off();
      client.dispose();
    };
  }, [store, build, injected]);
}

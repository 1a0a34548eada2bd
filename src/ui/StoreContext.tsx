import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../state/app-state';
import type { AppStore } from '../state/create-app-store';

const StoreContext = createContext<AppStore | null>(null);

/** Provides one viewer's store to its components. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The viewer's store API (for `getState()` in event handlers). */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store)
    throw new Error('E_NO_STORE_PROVIDER: hnsviz components must be inside <StoreProvider>');
  return store;
}

/** Subscribe to a slice of the viewer's state. Selectors must return stable values. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

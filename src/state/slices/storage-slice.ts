import type { SliceCreator, StorageSlice } from '../app-state';

export const createStorageSlice: SliceCreator<StorageSlice> = (set) => ({
  keptOffer: null,
  storageProblem: null,
  offerKept: (summary) =>
    set((s) => {
      s.keptOffer = summary ? { ...summary, names: [...summary.names] } : null;
    }),
  storageFailed: (message) =>
    set((s) => {
      s.storageProblem = message;
    }),
});

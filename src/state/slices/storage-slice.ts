import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../app-state';

/** What is known about the dump kept in this browser without reading it. */
export interface KeptDumpSummary {
  readonly savedAt: number;
  /** Total size of the inputs, in bytes. */
  readonly bytes: number;
  readonly names: readonly string[];
  readonly scrubbed: boolean;
}

/**
 * The browser's copy of the last import: the offer to reopen it (a page load never parses a big
 * kept dump by itself, nor one that would replace a link's view) and why a dump just imported
 * will not be kept (storage blocked, failing or full). Side effects: src/dump-import/importer.ts.
 */
export interface StorageSlice {
  /** A kept dump the user may reopen; null when there is none or it is shown. */
  readonly keptOffer: KeptDumpSummary | null;
  /** Why the shown dump will not survive a reload; null when it will (or nothing was saved). */
  readonly storageProblem: string | null;
  offerKept(summary: KeptDumpSummary | null): void;
  storageFailed(message: string | null): void;
}

export const createStorageSlice: StateCreator<
  AppState,
  [['zustand/immer', never]],
  [],
  StorageSlice
> = (set) => ({
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

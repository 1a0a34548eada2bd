import type { AppState, DumpSlice, SliceCreator } from '../app-state';

export const createDumpSlice: SliceCreator<DumpSlice> = (set, get) => ({
  dump: null,
  dumpTopology: null,
  importing: false,
  importProgress: null,
  importFailure: null,
  highlightIds: [],
  importStarted: () =>
    set((s) => {
      s.importing = true;
      s.importProgress = null;
      s.importFailure = null;
    }),
  importProgressed: (p) =>
    set((s) => {
      s.importProgress = { ...p };
    }),
  dumpLoaded: (topology, info, show = true) => {
    if (show) {
      // A scenario's packet (`a1` → …) means nothing on a dumped node.
      if (get().traceRequest !== null && get().scenarioId !== null) get().setTraceRequest(null);
      get().loadTopology(null, topology);
    }
    set((s) => {
      // IMPORTANT: frozen first so Immer does not walk (and deep-freeze) thousands of findings.
      s.dump = Object.freeze({ ...info }) as typeof s.dump;
      s.dumpTopology = (show ? s.topology : Object.freeze(topology)) as typeof s.dumpTopology;
      s.importing = false;
      s.importProgress = null;
      s.importFailure = null;
      s.highlightIds = [];
    });
  },
  importFailed: (f) =>
    set((s) => {
      s.importFailure = Object.freeze({ ...f }) as typeof s.importFailure;
      s.importing = false;
      s.importProgress = null;
    }),
  dismissImportFailure: () =>
    set((s) => {
      s.importFailure = null;
    }),
  clearDump: () =>
    set((s) => {
      s.dump = null;
      s.dumpTopology = null;
      s.highlightIds = [];
      s.importFailure = null;
    }),
  highlightObjects: (ids) => {
    get().select(ids[0] ?? null);
    set((s) => {
      s.highlightIds = [...ids];
    });
  },
});

/** True when the viewer shows the dump (not a scenario or a linked model). */
export const selectDumpShown = (s: AppState): boolean =>
  s.dump !== null && s.dumpTopology !== null && s.topology === s.dumpTopology;

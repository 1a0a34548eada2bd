import type { StateCreator } from 'zustand/vanilla';
import type { ClusterNode, Stitch } from '../../cluster/index';
import type { Finding } from '../../lint/types';
import type { Topology } from '../../model/types';
import type { Diagnostic, InputInfo } from '../../parsers/index';
import type { DumpPhase } from '../../worker/protocol';
import type { AppState } from '../app-state';

/** A file that was not read (binary, too large, empty), and why. */
export interface SkippedInput {
  readonly name: string;
  readonly why: string;
}

/** What the shown dump was read from, and what was found wrong with it. */
export interface DumpInfo {
  readonly inputs: readonly InputInfo[];
  readonly diagnostics: readonly Diagnostic[];
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedInput[];
  readonly vfpGiven: boolean;
  /** The nodes the inputs were attributed to and why (several when the import is a cluster). */
  readonly nodes?: readonly ClusterNode[];
  /** Remote endpoints linked to the pods they stand for on other nodes. */
  readonly stitches?: readonly Stitch[];
  /** The user's reassignments (input name → node) the dump was read with. */
  readonly assign?: Readonly<Record<string, string>>;
  /** IPs, MACs, GUIDs and names were replaced (src/model/scrub-topology.ts). */
  readonly scrubbed: boolean;
  /** Restored from this browser's storage rather than imported just now. */
  readonly restored: boolean;
}

/** An import that gave nothing to show: the previous view stays, this explains why. */
export interface ImportFailure {
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly skipped: readonly SkippedInput[];
}

export interface ImportProgress {
  readonly phase: 'read' | DumpPhase;
  readonly done: number;
  readonly total: number;
  readonly input?: string;
}

/**
 * The imported dump (issue 4): its inputs, diagnostics and lint findings, the import in
 * progress and a failed import's message. The topology itself lives in the topology slice
 * (`scenarioId` null); side effects (worker, IndexedDB) are in src/dump-import/importer.ts.
 */
export interface DumpSlice {
  /** The last dump read (kept while a scenario is shown; see `selectDumpShown`). */
  readonly dump: DumpInfo | null;
  /** The topology read from `dump` (scrubbed when `dump.scrubbed`). */
  readonly dumpTopology: Topology | null;
  readonly importing: boolean;
  readonly importProgress: ImportProgress | null;
  readonly importFailure: ImportFailure | null;
  /** Objects of the lint finding or diagnostic the user clicked, highlighted together. */
  readonly highlightIds: readonly string[];
  importStarted(): void;
  importProgressed(p: ImportProgress): void;
  /**
   * A parsed dump: shown (replaces the view; the selection is kept when it still exists), or
   * with `show` false only kept (a scenario was asked for; "Show the dump" brings it back).
   */
  dumpLoaded(topology: Topology, info: DumpInfo, show?: boolean): void;
  /** Keep the previous view; say why nothing was shown. */
  importFailed(f: ImportFailure): void;
  dismissImportFailure(): void;
  /** Forget the dump (the view keeps its topology until the host loads another). */
  clearDump(): void;
  /** Highlight `ids` and select the first (reveals it in the tree). */
  highlightObjects(ids: readonly string[]): void;
}

export const createDumpSlice: StateCreator<AppState, [['zustand/immer', never]], [], DumpSlice> = (
  set,
  get,
) => ({
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

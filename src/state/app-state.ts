/**
 * The shape of one viewer's state: each slice's data and actions, and their union. Types only;
 * the reducers are in slices/, combined by create-app-store.ts.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ClusterNode, Stitch } from '../cluster/index';
import type { Trace, TraceRequest } from '../engine/types';
import type { ZoomLevel } from '../layout/geometry';
import type { Finding } from '../lint/types';
import type { Topology } from '../model/types';
import type { Diagnostic, InputInfo } from '../parsers/index';
import type { SystemTheme, Theme, ThemeChoice } from '../view-model/theme';
import type { Verbosity } from '../view-model/trace-events';
import type { DumpPhase } from '../worker/protocol';

/** The loaded model: which scenario (or dump) and its topology. */
export interface TopologySlice {
  /** Scenario id (`new-l2bridge`, …) or null for a topology that did not come from one. */
  readonly scenarioId: string | null;
  readonly topology: Topology | null;
  /** Show `topology`; keeps the selection when the selected id still exists (stable ids). */
  loadTopology(scenarioId: string | null, topology: Topology): void;
}

/** What the user picked (in the drawing or the tree) and what the pointer is over. */
export interface SelectionSlice {
  readonly selectedId: string | null;
  readonly hoveredId: string | null;
  /**
   * Select an object (null clears). Selecting a port, layer, group or rule also expands that
   * port (semantic zoom level `port`); selecting anything else collapses it.
   */
  select(id: string | null): void;
  hover(id: string | null): void;
}

/** A pan/zoom: the world point at the centre of the viewport, and the scale. */
export interface ViewCentre {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** Semantic zoom. The live pan/zoom transform stays in the renderer (it changes per frame). */
export interface ViewSlice {
  /** Level from the zoom scale: `cluster` or `node` (`port` is derived, see selectZoomLevel). */
  readonly scaleLevel: Exclude<ZoomLevel, 'port'>;
  /** The port whose groups and rules are shown, if any. */
  readonly expandedPortId: string | null;
  /**
   * The pan/zoom as last committed: set at the END of a gesture or transition (never per
   * frame) so links and exports can restore it; null until the drawing has been shown.
   */
  readonly viewCentre: ViewCentre | null;
  setViewCentre(view: ViewCentre | null): void;
  setScaleLevel(level: Exclude<ZoomLevel, 'port'>): void;
  expandPort(portId: string | null): void;
}

/** `auto` follows `prefers-reduced-motion`; `off` always steps instantly. */
export type Motion = 'auto' | 'on' | 'off';
/** What the viewer is doing: exploring the topology, comparing two designs, a lesson, or the reachability matrix. */
export type ViewerMode = 'explore' | 'compare' | 'lesson' | 'matrix';

/** Page chrome: theme, motion preference, mode and panels. */
export interface UiSlice {
  /** The theme on screen. */
  readonly theme: Theme;
  /**
   * The viewer's own theme preference (the app's theme menu, remembered by the app shell), or
   * null when the page decides (embeds, `?theme=`, library hosts): with a preference, a link or
   * a reopened file does not change the theme, since the theme belongs to the reader.
   */
  readonly themePreference: ThemeChoice | null;
  /** What the operating system asks for; null when nobody tracks it (no "follow system"). */
  readonly systemTheme: SystemTheme | null;
  readonly motion: Motion;
  readonly mode: ViewerMode;
  readonly objectListOpen: boolean;
  /** Bumped when something (the search box) asks the side panel to show the object list. */
  readonly revealSeq: number;
  toggleObjectList(): void;
  /** Show the object list (the side panel switches to its Objects tab). */
  revealObjects(): void;
  /** Show `theme` as the page asks (link, attribute, `?theme=`): drops the preference. */
  setTheme(theme: Theme): void;
  /** The reader picked a theme (or "follow system"): it is shown and becomes the preference. */
  setThemePreference(choice: ThemeChoice | null): void;
  /** The operating system's preference changed: followed when the preference is `system`. */
  setSystemTheme(system: SystemTheme): void;
  setMotion(motion: Motion): void;
  setMode(mode: ViewerMode): void;
}

/** Two scenario ids shown side by side. */
export interface ComparePair {
  readonly left: string;
  readonly right: string;
}

/** Result of one side of the compare view. */
export interface CompareResult {
  readonly left: Trace | null;
  readonly right: Trace | null;
  readonly error: string | null;
}

/**
 * The packet trace being shown and its playback. The trace itself is computed by the engine
 * worker (see `state/trace-runner.ts`); this slice only holds the request, the result and the
 * playback cursor. Per-frame packet positions never come here (style.md §3.4).
 */
export interface TraceSlice {
  readonly traceRequest: TraceRequest | null;
  /** Result for the current scenario and `traceRequest`. */
  readonly trace: Trace | null;
  readonly traceStatus: 'idle' | 'running' | 'done' | 'error';
  readonly traceError: string | null;
  /** Index into the visible event list; -1 = not started. */
  readonly step: number;
  readonly playing: boolean;
  /** Playback speed, clamped to 0.25..4. */
  readonly speed: number;
  readonly verbosity: Verbosity;
  /** Scenario ids side by side; null = single view. */
  readonly compare: ComparePair | null;
  readonly compareResult: CompareResult | null;
  /** Bumped on every new request so late engine answers for an older one are dropped. */
  readonly traceRunId: number;
  /** Ask for a trace (null clears it). Resets playback; the trace runner does the engine call. */
  setTraceRequest(req: TraceRequest | null): void;
  /** Jump to an event (clamped to -1..last; pauses at the last one). */
  setStep(step: number): void;
  stepBy(delta: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setVerbosity(v: Verbosity): void;
  setCompare(c: ComparePair | null): void;
  /** The scenario changed: drop the result (keep the request) so the runner traces again. */
  invalidateTrace(): void;
  /** Called by the trace runner. */
  traceStarted(runId: number): void;
  traceSucceeded(runId: number, trace: Trace): void;
  traceFailed(runId: number, message: string): void;
  compareSucceeded(runId: number, result: CompareResult): void;
}

/** Messages about links and imported files (src/share, src/export). */
export interface ShareSlice {
  /** A problem with the link or file the view came from, shown until dismissed. */
  readonly linkNotice: string | null;
  setLinkNotice(text: string | null): void;
}

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
  /** Lines of `input` read so far. */
  readonly lines?: number;
}

/**
 * The imported dump: its inputs, diagnostics and lint findings, the import in
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

/**
 * The background engine's health as the user needs to know it: a worker that failed while no
 * request was waiting on it (so no import or trace reports it) was restarted with the current
 * topology, and the notice says so. Side effects: src/ui/useTraceEngine.ts, useDumpImporter.ts.
 */
export interface EngineSlice {
  /** Why the engine was restarted while idle; null when there is nothing to tell. */
  readonly engineNotice: string | null;
  engineRestarted(message: string | null): void;
}

/** The whole state of one viewer: the slices combined. */
export type AppState = TopologySlice &
  SelectionSlice &
  ViewSlice &
  UiSlice &
  TraceSlice &
  ShareSlice &
  DumpSlice &
  StorageSlice &
  EngineSlice;

/** A slice's reducers: they see (and, through Immer drafts, write) the whole state. */
export type SliceCreator<Slice> = StateCreator<AppState, [['zustand/immer', never]], [], Slice>;

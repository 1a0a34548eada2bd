/**
 * The side effects of importing a dump: read files, parse and lint them in the worker, show the
 * result (or keep the previous view and say why), persist the raw inputs, restore them after a
 * reload, clear them, scrub. The store stays pure; the worker client and the storage are
 * injected (tests pass fakes).
 */
import { splitText } from '../cluster/split';
import type { SearchResult } from '../layout/search';
import type { Topology } from '../model/types';
import { MAX_INPUT_BYTES } from '../parsers/index';
import type { AppStore } from '../state/create-app-store';
import type { SkippedInput } from '../state/app-state';
import { EngineError, type DumpProgressEvent } from '../worker/engine-client';
import type { DumpInput, ParsedDump } from '../worker/protocol';
import { readPicked, type PickedFile } from './files';
import { randomScrubKey } from '../share/scrub-view';
import { failureOf, scrubDump } from './outcome';
import { prewarm } from './prewarm';
import {
  copyInputs,
  describeStorageFailure,
  PERSIST_FORMAT,
  type DumpPersistence,
  type SavedSummary,
} from './persist';

/**
 * Kept dumps up to this size reopen by themselves on a plain page load (their parse and
 * drawing take well under a second); bigger ones, and any when a link or design was asked for,
 * are offered instead ("Reopen last import").
 */
export const AUTO_REOPEN_BYTES = 2 * 1024 * 1024;

/** The part of the engine client an import needs. */
export interface DumpLoader {
  loadDump(
    inputs: readonly DumpInput[],
    opts?: {
      maxBytes?: number;
      onProgress?: (p: DumpProgressEvent) => void;
      assign?: Readonly<Record<string, string>>;
      /** Scrub in the worker with this key (a loader that doesn't leaves it to the page). */
      scrubKey?: readonly number[];
    },
  ): Promise<ParsedDump>;
  /** Stop the work in flight (the worker is restarted); its promise rejects. */
  cancel?(): void;
  /** Search the model the last `loadDump` left in the worker (`search/run`; newest wins). */
  search?(query: string): Promise<SearchResult>;
  /** Write that model to `port`, for another worker to read (`model/send`). */
  sendModel?(port: MessagePort): Promise<void>;
}

export interface ImporterOptions {
  /** The worker client (created lazily by the caller); null where workers do not exist. */
  readonly loader: () => DumpLoader | null;
  /** Where the last inputs are kept; null: not kept (embeds, no IndexedDB). */
  readonly persistence: DumpPersistence | null;
  readonly maxBytes?: number;
  /** Random source for scrub keys (tests pass a fixed one). */
  readonly scrubKey?: () => number[];
  /**
   * A parsed model is about to be shown, and `send` writes it to a port from the worker that
   * holds it (as `sendIn` does): work that reads it there can start before the page has
   * prepared and drawn it (the matrix's first rows).
   */
  readonly onModel?: (t: Topology, send: (port: MessagePort) => Promise<void>) => void;
}

export interface Importer {
  importFiles(picked: readonly PickedFile[]): Promise<boolean>;
  importText(name: string, text: string): Promise<boolean>;
  /** Parse and show `inputs`; false (and the previous view kept) when nothing was understood. */
  importInputs(inputs: readonly DumpInput[], skipped?: readonly SkippedInput[]): Promise<boolean>;
  /** Read the inputs kept from an earlier session, if any; show them unless `show` is false. */
  restore(show?: boolean): Promise<boolean>;
  /**
   * On page load: read only the kept dump's summary; reopen it when `mode` is `auto` and it is
   * small (`AUTO_REOPEN_BYTES`), else offer it (`keptOffer`). Resolves to the summary (null:
   * nothing kept) once the dump is shown or offered.
   */
  offerKept(mode: 'auto' | 'offer'): Promise<SavedSummary | null>;
  /** Forget the kept copy without touching what is shown. */
  forgetKept(): Promise<void>;
  /** Forget the kept inputs and the dump (the reference design is shown by the caller). */
  clear(): Promise<void>;
  /** Replace IPs, MACs, GUIDs and names in the shown dump (kept: a reload scrubs again). */
  scrub(): Promise<void>;
  /**
   * Read the shown inputs again with `input` on node `node` (a node id or host name; `''`
   * gives the input a node of its own): the user's correction of the attribution.
   */
  reassign(input: string, node: string): Promise<boolean>;
  /** The text of a shown input, decoded (to split it); null when it is not kept. */
  inputText(input: string): Promise<string | null>;
  /**
   * Read the shown inputs again with `input` cut before each of `lines` (1-based): one input
   * per part, each attributed to its node by its own evidence (a paste of several nodes).
   */
  splitInput(input: string, lines: readonly number[]): Promise<boolean>;
  /** Stop the import in progress; the previous view stays and the user is told. */
  cancel(): void;
  /**
   * Search `t` in the worker that parsed it (the page never scans a whole cluster), or null
   * when that worker does not hold `t` (a design, or a model the page built): the caller then
   * searches on the page.
   */
  readonly searchIn: (t: Topology) => ((query: string) => Promise<SearchResult>) | null;
  /**
   * Write `t` to a port from the worker that parsed it (another worker diffs against it; the
   * page never sends a whole cluster), or null when that worker does not hold `t`.
   */
  readonly sendIn: (t: Topology) => ((port: MessagePort) => Promise<void>) | null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** An input's text: as pasted, or its bytes decoded (UTF-16 by BOM or NUL bytes, else UTF-8). */
export async function inputText(i: DumpInput): Promise<string> {
  if (i.text !== undefined) return i.text;
  const b = i.bytes
    ? new Uint8Array(i.bytes)
    : i.blob
      ? new Uint8Array(await i.blob.arrayBuffer())
      : new Uint8Array(0);
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b.length > 1 && b[1] === 0 && b[0] !== 0);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b.length > 1 && b[0] === 0 && b[1] !== 0);
  return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(b);
}

export function createImporter(store: AppStore, opts: ImporterOptions): Importer {
  const maxBytes = opts.maxBytes ?? MAX_INPUT_BYTES;
  const newKey = opts.scrubKey ?? randomScrubKey;
  let run = 0;
  /** The import whose parse is in the worker now, if any. */
  let parsing: number | null = null;
  /** The model the loader's worker holds: the last one it parsed (shown or not). */
  let held: Topology | null = null;
  const sendHeld = (port: MessagePort): Promise<void> => {
    const loader = opts.loader();
    return loader?.sendModel
      ? loader.sendModel(port)
      : Promise.reject(new Error('the parser worker is gone'));
  };
  const searchHeld = (query: string): Promise<SearchResult> => {
    const loader = opts.loader();
    return loader?.search
      ? loader.search(query)
      : Promise.reject(new Error('the parser worker is gone'));
  };
  let kept: {
    inputs: DumpInput[];
    key: number[] | null;
    assign: Readonly<Record<string, string>>;
  } | null = null;

  const parse = async (
    inputs: readonly DumpInput[],
    skipped: readonly SkippedInput[],
    how: {
      persist: boolean;
      key: number[] | null;
      restored: boolean;
      show?: boolean;
      assign?: Readonly<Record<string, string>>;
    },
  ): Promise<boolean> => {
    // A newer import wins: the older one's work is stopped, not waited for.
    if (parsing !== null) opts.loader()?.cancel?.();
    const id = ++run;
    const api = store.getState();
    api.importStarted();
    if (inputs.length === 0) {
      api.importFailed({ message: 'No file could be read.', diagnostics: [], skipped });
      return false;
    }
    const loader = opts.loader();
    if (!loader) {
      api.importFailed({
        message: 'This browser cannot run the parser (no Web Worker support).',
        diagnostics: [],
        skipped,
      });
      return false;
    }
    const copies = copyInputs(inputs); // the originals' buffers are transferred to the worker
    let parsed: ParsedDump;
    parsing = id;
    try {
      parsed = await loader.loadDump(inputs, {
        maxBytes,
        ...(how.assign ? { assign: how.assign } : {}),
        ...(how.key ? { scrubKey: how.key } : {}),
        onProgress: (p) => {
          if (id === run)
            store.getState().importProgressed({
              phase: p.phase,
              done: p.done,
              total: p.total,
              ...(p.input !== undefined ? { input: p.input } : {}),
              ...(p.lines !== undefined ? { lines: p.lines } : {}),
            });
        },
      });
    } catch (e) {
      if (parsing === id) parsing = null;
      if (id === run)
        store.getState().importFailed({
          // Over one of the worker's caps (bytes or objects of one import) is not a parser fault.
          message:
            e instanceof EngineError && e.code === 'E_TOO_LARGE'
              ? `This import is too large: ${message(e)}. The previous view is kept.`
              : `The parser failed: ${message(e)}. The previous view is kept.`,
          diagnostics: [],
          skipped,
        });
      return false;
    }
    if (parsing === id) parsing = null;
    held = parsed.topology;
    if (id !== run) return false; // a newer import started meanwhile
    const failure = failureOf(parsed, skipped);
    if (failure) {
      store.getState().importFailed(failure);
      return false;
    }
    // The worker scrubs when given the key; a loader that didn't leaves it to this task.
    const shown = how.key && !parsed.scrubbed ? scrubDump(parsed, how.key) : parsed;
    if (shown === parsed && (how.show ?? true)) opts.onModel?.(parsed.topology, sendHeld);
    await prewarm(shown.topology); // index, layout, tree: one task each, not one long one
    if (id !== run) return false;
    store.getState().dumpLoaded(
      shown.topology,
      {
        inputs: shown.inputs,
        diagnostics: shown.diagnostics,
        findings: shown.findings,
        skipped,
        vfpGiven: shown.vfpGiven,
        nodes: shown.nodes,
        stitches: shown.stitches,
        ...(how.assign ? { assign: how.assign } : {}),
        scrubbed: how.key !== null,
        restored: how.restored,
      },
      how.show ?? true,
    );
    kept = { inputs: copies, key: how.key, assign: how.assign ?? {} };
    if (how.show ?? true) store.getState().offerKept(null);
    if (how.persist && opts.persistence) {
      try {
        await opts.persistence.save({
          format: PERSIST_FORMAT,
          savedAt: Date.now(),
          inputs: copyInputs(copies),
          scrubKey: how.key,
        });
        if (id === run) store.getState().storageFailed(null);
      } catch (e) {
        // Quota, blocked or private mode: the dump is shown, just not kept; say so.
        if (id === run)
          store
            .getState()
            .storageFailed(
              `This dump will not be kept after a reload: ${describeStorageFailure(e)}.`,
            );
      }
    }
    return true;
  };

  const restore = async (show = true): Promise<boolean> => {
    const saved = await opts.persistence?.load().catch(() => null);
    if (!saved) return false;
    return parse(saved.inputs, [], {
      persist: false,
      key: saved.scrubKey ? [...saved.scrubKey] : null,
      restored: true,
      show,
    });
  };

  return {
    async importFiles(picked) {
      store.getState().importStarted();
      store.getState().importProgressed({ phase: 'read', done: 0, total: picked.length });
      const { inputs, skipped } = readPicked(picked, maxBytes);
      return parse(inputs, skipped, { persist: true, key: null, restored: false });
    },
    importText(name, text) {
      if (text.trim() === '') {
        store
          .getState()
          .importFailed({ message: 'The paste is empty.', diagnostics: [], skipped: [] });
        return Promise.resolve(false);
      }
      return parse([{ name, text }], [], { persist: true, key: null, restored: false });
    },
    importInputs(inputs, skipped = []) {
      return parse(inputs, skipped, { persist: true, key: null, restored: false });
    },
    restore,
    async offerKept(mode) {
      const summary = (await opts.persistence?.summary().catch(() => null)) ?? null;
      if (!summary) return null;
      if (mode === 'auto' && summary.bytes <= AUTO_REOPEN_BYTES) {
        if (await restore(true)) return summary;
      }
      // Only if nothing was imported meanwhile (that import replaced the kept copy).
      if (store.getState().dump === null && !store.getState().importing)
        store.getState().offerKept(summary);
      return summary;
    },
    async forgetKept() {
      store.getState().offerKept(null);
      await opts.persistence?.clear().catch(() => undefined);
    },
    async clear() {
      run++;
      kept = null;
      store.getState().clearDump();
      store.getState().offerKept(null);
      store.getState().storageFailed(null);
      await opts.persistence?.clear().catch(() => undefined);
    },
    async scrub() {
      const s = store.getState();
      if (!kept || !s.dump || s.dump.scrubbed) return;
      const key = newKey();
      await parse(copyInputs(kept.inputs), s.dump.skipped, {
        persist: true,
        key,
        restored: false,
        assign: kept.assign,
      });
    },
    cancel() {
      if (!store.getState().importing) return;
      run++; // whatever the cancelled import still delivers is dropped
      if (parsing !== null) opts.loader()?.cancel?.();
      parsing = null;
      store.getState().importFailed({
        message: 'Import cancelled. The previous view is kept.',
        diagnostics: [],
        skipped: [],
      });
    },
    // One function for as long as the worker holds `t`: a caller may keep it as a dependency.
    searchIn: (t) => (held === t && opts.loader()?.search ? searchHeld : null),
    sendIn: (t) => (held === t && opts.loader()?.sendModel ? sendHeld : null),
    async inputText(input) {
      const i = kept?.inputs.find((x) => x.name === input);
      return i ? inputText(i) : null;
    },
    async splitInput(input, lines) {
      const s = store.getState();
      const k = kept ? kept.inputs.findIndex((x) => x.name === input) : -1;
      if (!kept || !s.dump || s.dump.scrubbed || k < 0) return false;
      const parts = splitText(input, await inputText(kept.inputs[k]!), lines);
      if (parts.length < 2) return false;
      const inputs = [
        ...copyInputs(kept.inputs.slice(0, k)),
        ...parts,
        ...copyInputs(kept.inputs.slice(k + 1)),
      ];
      // The parts are new inputs: a node chosen for the whole no longer applies.
      const assign = Object.fromEntries(Object.entries(kept.assign).filter(([n]) => n !== input));
      return parse(inputs, s.dump.skipped, {
        persist: true,
        key: kept.key,
        restored: false,
        assign,
      });
    },
    async reassign(input, node) {
      const s = store.getState();
      if (!kept || !s.dump) return false;
      // A node of its own: a name no evidence gives (the input's own name).
      const assign = { ...kept.assign, [input]: node === '' ? `input:${input}` : node };
      return parse(copyInputs(kept.inputs), s.dump.skipped, {
        persist: false,
        key: kept.key,
        restored: false,
        assign,
      });
    },
  };
}

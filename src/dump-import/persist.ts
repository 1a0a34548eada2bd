/**
 * Keep the last imported inputs across reloads, in the browser only (IndexedDB). The raw
 * inputs are stored (files as Blobs: IndexedDB keeps them without copying them on the main
 * thread) and parsed again when reopened, so a newer parser reads them better. Next to them a
 * small summary (sizes, names, date) is kept, so a page load can offer the dump without
 * reading it. The storage is injectable: tests use `createMemoryPersistence()`.
 */
import type { KeptDumpSummary } from '../state/app-state';
import type { DumpInput } from '../worker/protocol';

export const PERSIST_FORMAT = 'hnsviz.saved-dump/1';

/** What is kept: the inputs as imported, and the scrub key when the user scrubbed them. */
export interface SavedDump {
  readonly format: typeof PERSIST_FORMAT;
  readonly savedAt: number;
  readonly inputs: readonly DumpInput[];
  readonly scrubKey: readonly number[] | null;
}

/**
 * What a page load reads about the kept dump: enough to offer it, none of its bytes (a
 * pasted text counts its UTF-16 length as bytes).
 */
export type SavedSummary = KeptDumpSummary;

export interface DumpPersistence {
  /**
   * Store `dump` (replacing the previous one). Do not transfer its buffers afterwards.
   * Rejects when the browser refuses (quota, blocked, private mode): the caller says so.
   */
  save(dump: SavedDump): Promise<void>;
  /** The stored dump, or null (nothing stored, storage unavailable, or an unreadable record). */
  load(): Promise<SavedDump | null>;
  /** The summary of the stored dump, or null; never reads the inputs themselves. */
  summary(): Promise<SavedSummary | null>;
  clear(): Promise<void>;
}

const inputBytes = (i: DumpInput): number =>
  i.blob ? i.blob.size : i.bytes ? i.bytes.byteLength : (i.text?.length ?? 0);

/** The summary kept next to `dump`. */
export function summaryOf(dump: SavedDump): SavedSummary {
  return {
    savedAt: dump.savedAt,
    bytes: dump.inputs.reduce((n, i) => n + inputBytes(i), 0),
    names: dump.inputs.map((i) => i.name),
    scrubbed: dump.scrubKey !== null,
  };
}

/** Validate a summary that came out of storage. */
export function asSavedSummary(v: unknown): SavedSummary | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Partial<Record<keyof SavedSummary, unknown>>;
  if (typeof o.savedAt !== 'number' || typeof o.bytes !== 'number' || o.bytes < 0) return null;
  if (!Array.isArray(o.names) || !o.names.every((n) => typeof n === 'string')) return null;
  return {
    savedAt: o.savedAt,
    bytes: o.bytes,
    names: o.names,
    scrubbed: o.scrubbed === true,
  };
}

/** Validate what came out of storage (it may be from an older version, or damaged). */
export function asSavedDump(v: unknown): SavedDump | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Partial<SavedDump>;
  if (o.format !== PERSIST_FORMAT || !Array.isArray(o.inputs) || o.inputs.length === 0) return null;
  const inputs: DumpInput[] = [];
  for (const i of o.inputs as unknown[]) {
    if (typeof i !== 'object' || i === null) return null;
    const { name, blob, bytes, text } = i as DumpInput;
    if (typeof name !== 'string') return null;
    if (typeof Blob !== 'undefined' && blob instanceof Blob) inputs.push({ name, blob });
    else if (bytes instanceof ArrayBuffer) inputs.push({ name, bytes });
    else if (typeof text === 'string') inputs.push({ name, text });
    else return null;
  }
  const key =
    Array.isArray(o.scrubKey) && o.scrubKey.every((n) => Number.isInteger(n)) ? o.scrubKey : null;
  return {
    format: PERSIST_FORMAT,
    savedAt: typeof o.savedAt === 'number' ? o.savedAt : 0,
    inputs,
    scrubKey: key,
  };
}

/**
 * Copies of the inputs (ArrayBuffers are transferred to the worker, which detaches them;
 * Blobs are immutable and shared).
 */
export function copyInputs(inputs: readonly DumpInput[]): DumpInput[] {
  return inputs.map((i) =>
    i.blob
      ? { name: i.name, blob: i.blob }
      : i.bytes
        ? { name: i.name, bytes: i.bytes.slice(0) }
        : { name: i.name, text: i.text ?? '' },
  );
}

/** In-memory persistence (tests, and browsers without IndexedDB). */
export function createMemoryPersistence(): DumpPersistence & { peek(): SavedDump | null } {
  let saved: SavedDump | null = null;
  return {
    summary: () => Promise.resolve(saved ? summaryOf(saved) : null),
    save: (d) => {
      saved = { ...d, inputs: copyInputs(d.inputs) };
      return Promise.resolve();
    },
    load: () => Promise.resolve(saved ? { ...saved, inputs: copyInputs(saved.inputs) } : null),
    clear: () => {
      saved = null;
      return Promise.resolve();
    },
    peek: () => saved,
  };
}

/** Why storing failed, in the user's words (the dump stays shown, it is just not kept). */
export function describeStorageFailure(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError')
    return "this browser's storage for the site is full (free space by clearing other sites' data)";
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError')
    return 'this browser does not allow the site to store data here (private browsing or site settings)';
  const text = e instanceof Error ? e.message : String(e);
  if (/blocked/i.test(text)) return 'another hnsviz tab holds the browser storage open';
  return `the browser refused to store it (${text || name || 'unknown error'})`;
}

/**
 * Persistence where the browser has none to give (no IndexedDB, or reading it throws): every
 * save is refused with the reason, so the user learns that the dump will not be kept.
 */
export function createUnavailablePersistence(): DumpPersistence {
  const refused = (): Promise<never> =>
    Promise.reject(new DOMException('IndexedDB is not available', 'SecurityError'));
  return {
    save: refused,
    load: () => Promise.resolve(null),
    summary: () => Promise.resolve(null),
    clear: () => Promise.resolve(),
  };
}

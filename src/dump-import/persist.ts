/**
 * Keep the last imported inputs across reloads, in the browser only (IndexedDB). The raw
 * inputs are stored (files as Blobs: IndexedDB keeps them without copying them on the main
 * thread) and parsed again on load, so a newer parser reads them better. The storage is
 * injectable: tests use `createMemoryPersistence()`.
 */
import type { DumpInput } from '../worker/protocol';

export const PERSIST_FORMAT = 'hnsviz.saved-dump/1';

/** What is kept: the inputs as imported, and the scrub key when the user scrubbed them. */
export interface SavedDump {
  readonly format: typeof PERSIST_FORMAT;
  readonly savedAt: number;
  readonly inputs: readonly DumpInput[];
  readonly scrubKey: readonly number[] | null;
}

export interface DumpPersistence {
  /** Store `dump` (replacing the previous one). Do not transfer its buffers afterwards. */
  save(dump: SavedDump): Promise<void>;
  /** The stored dump, or null (nothing stored, storage unavailable, or an unreadable record). */
  load(): Promise<SavedDump | null>;
  clear(): Promise<void>;
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

/**
 * Files from a drop or a picker: walk dropped folders (collect-logs writes one) with
 * `DataTransferItem.webkitGetAsEntry()`, skip what is obviously not text, and hand the rest
 * to the worker as Files (it reads and decodes them: UTF-16 and BOMs are detected there; the
 * main thread never holds the bytes).
 */
import { pushAll } from '../shared/arrays';
import type { DumpInput } from '../worker/protocol';
import { formatSize } from '../shared/size';

/** The part of `FileSystemEntry` the walk needs (structural, so tests can fake it). */
export interface EntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  readonly fullPath: string;
}
export interface FileEntryLike extends EntryLike {
  file(ok: (f: File) => void, fail?: (e: unknown) => void): void;
}
export interface DirEntryLike extends EntryLike {
  createReader(): {
    readEntries(ok: (entries: EntryLike[]) => void, fail?: (e: unknown) => void): void;
  };
}

/** A file with the path it had inside a dropped folder (`logs/hns/endpoints.txt`). */
export interface PickedFile {
  readonly path: string;
  readonly file: File;
}

/** Files a folder walk stops at (collect-logs folders hold a few hundred). */
export const MAX_FILES = 1000;

/**
 * Largest sum of inputs one import reads (six 120 MB files froze the tab for half a minute):
 * files past it are skipped with a message, the ones before it are imported. 384 MiB holds a
 * 20-node cluster of big nodes (5,000 load balancers each: 294 MiB of dumps) with room to spare.
 */
export const MAX_TOTAL_BYTES = 384 * 1024 * 1024;

/** Binary files never hold HNS text: skipped without reading. (A .zip is read: src/cluster unpacks it.) */
const BINARY =
  /\.(etl|evtx|cab|7z|gz|tgz|exe|dll|sys|pdb|pcap|pcapng|png|jpe?g|gif|bmp|ico|vhdx?)$/i;

export function isProbablyText(path: string): boolean {
  return !BINARY.test(path);
}

const isFileEntry = (e: EntryLike): e is FileEntryLike => e.isFile;
const isDirEntry = (e: EntryLike): e is DirEntryLike => e.isDirectory;

function fileOf(e: FileEntryLike): Promise<File> {
  return new Promise((resolve, reject) => e.file(resolve, reject));
}

/** All entries of a directory (readEntries answers in batches until an empty one). */
async function readAll(dir: DirEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const out: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return out;
    pushAll(out, batch);
  }
}

/**
 * Every file under `roots` (files and folders, depth first, sorted by name within a folder),
 * with its path; unreadable entries are skipped. Stops after `MAX_FILES`.
 */
export async function walkEntries(roots: readonly EntryLike[]): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const visit = async (e: EntryLike): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    if (isFileEntry(e)) {
      try {
        out.push({ path: e.fullPath.replace(/^\//, '') || e.name, file: await fileOf(e) });
      } catch {
        // A file that vanished or cannot be read: skip it.
      }
    } else if (isDirEntry(e)) {
      const children = await readAll(e).catch((): EntryLike[] => []);
      children.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
      for (const c of children) await visit(c);
    }
  };
  for (const r of roots) await visit(r);
  return out;
}

/** Something dropped that may carry entries (DataTransferItem in browsers). */
export interface ItemLike {
  readonly kind: string;
  webkitGetAsEntry?(): EntryLike | null;
  getAsFile(): File | null;
}

/**
 * The files of a drop. IMPORTANT: call it synchronously in the `drop` handler — the items'
 * entries are only available during the event; the walk itself is asynchronous.
 */
export function filesFromDrop(
  items: ArrayLike<ItemLike> | null | undefined,
  files: ArrayLike<File> | null | undefined,
): Promise<PickedFile[]> {
  const entries: EntryLike[] = [];
  const loose: PickedFile[] = [];
  for (const item of Array.from(items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push({ path: f.name, file: f });
    }
  }
  if (entries.length === 0 && loose.length === 0)
    for (const f of Array.from(files ?? [])) loose.push({ path: f.name, file: f });
  return walkEntries(entries).then((walked) => [...walked, ...loose]);
}

/** Picked files as worker inputs, and the files left out (with why). */
export interface ReadFiles {
  readonly inputs: DumpInput[];
  readonly skipped: { readonly name: string; readonly why: string }[];
}

/**
 * `picked` as worker inputs. Files over `maxBytes` are refused without being read (the message
 * names the limit); binaries are skipped by extension, empty files dropped.
 */
export function readPicked(
  picked: readonly PickedFile[],
  maxBytes: number,
  maxTotal = MAX_TOTAL_BYTES,
): ReadFiles {
  const inputs: DumpInput[] = [];
  const skipped: { name: string; why: string }[] = [];
  let total = 0;
  for (const { path, file } of picked) {
    if (!isProbablyText(path)) skipped.push({ name: path, why: 'binary file, not read' });
    else if (file.size <= maxBytes && total + file.size > maxTotal)
      skipped.push({
        name: path,
        why: `the files picked together pass the limit of ${formatSize(maxTotal)} per import; import this one on its own`,
      });
    else if (file.size > maxBytes)
      skipped.push({
        name: path,
        why: `${formatSize(file.size)} is over the limit of ${formatSize(maxBytes)} per input; split it (one command per file)`,
      });
    else if (file.size === 0) skipped.push({ name: path, why: 'empty file' });
    else {
      total += file.size;
      inputs.push({ name: path, blob: file });
    }
  }
  return { inputs, skipped };
}

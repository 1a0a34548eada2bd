/**
 * Zip archives (what people attach to issues: one folder per node) → one input per file, named
 * `<archive>/<path in the archive>` so the folder inside names the node (attribute.ts).
 * fflate is already a dependency (share links); it reads the central directory and inflates
 * in one pure call, which a hand-written reader would have to duplicate.
 */
import { unzipSync } from 'fflate';
import type { ParseInput } from '../parsers/index';

/** Entries larger than this (uncompressed) are refused, like oversized inputs. */
const MAX_ENTRY_BYTES = 128 * 1024 * 1024;

export function isZip(bytes: Uint8Array | undefined): boolean {
  return (
    bytes !== undefined &&
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

export interface Unzipped {
  readonly inputs: ParseInput[];
  /** Why the archive (or part of it) was not read, for a located message. */
  readonly error: string | null;
}

/** The files of a zip archive, in path order; folders and hidden files (`__MACOSX`, `.x`) skipped. */
export function unzipInputs(name: string, bytes: Uint8Array): Unzipped {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) =>
        !f.name.endsWith('/') &&
        !f.name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX') &&
        f.originalSize <= MAX_ENTRY_BYTES,
    });
  } catch (e) {
    return {
      inputs: [],
      error: `${name}: not a readable zip archive (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  const paths = Object.keys(files).sort();
  return {
    inputs: paths.map((p) => ({ name: `${name}/${p}`, bytes: files[p]! })),
    error: paths.length === 0 ? `${name}: the zip archive holds no files` : null,
  };
}

/**
 * The one shape every format reader has. The scanner (scan.ts) walks a cleaned paste line by
 * line and asks the readers of the registry (registry.ts), in order, whether a run of their
 * format starts at this line (`detect`); the first that says yes reads it (`read`), putting what
 * it found into `state.out` and what it could not read, with its line and column, into
 * `state.sink`.
 */

import { pushAll } from '../../shared/arrays';
import type { Doc } from '../decode/cleanup';
import type { DiagSink } from '../diagnostics';
import type { ReadCount } from '../object-budget';
import type { Extracted, HostCommand, KindHint, Rendering, RawObject, VfpContext } from './raw';

/** What the scanner knows at a line; readers read it and may update the context fields. */
export interface ScanState {
  readonly doc: Doc;
  readonly sink: DiagSink;
  readonly out: Extracted;
  /** The object kind the last command line (or the file name) announced. */
  hint: KindHint;
  /** The VFP port/layer/group the last command or block named. */
  vfp: VfpContext;
  /** The previous command was `route print` / `ipconfig`: its output follows. */
  hostCommand: HostCommand | null;
  /** Offset of each line of `doc.lines` in `text()`. */
  starts(): readonly number[];
  /** The cleaned lines joined with `\n` (built on first use). */
  text(): string;
  /** Lines that end any run: a command or prompt, a vfpctrl block, an hnsdiag table. */
  isStop(line: string): boolean;
  /**
   * Hears of objects as they are read (an object budget stops the reading): the JSON reader
   * counts array elements as it reads them; the scanner counts what other readers found after
   * each run.
   */
  readonly count?: ReadCount;
}

export interface LineReader {
  /** Shown in the README table and returned by `readerAt`. */
  readonly name: string;
  /** The renderings (`inputs[].format` parts) this reader reports. */
  readonly renderings: readonly Rendering[];
  /** Does a run of this format start at line `i` (`line` is `doc.lines[i]`)? Cheap. */
  detect(line: string, i: number, s: ScanState): boolean;
  /** Read the run from line `i`; returns the index of the first line not read. */
  read(i: number, s: ScanState): number;
}

/** Record objects a reader found and the rendering it found them in. */
export function addObjects(
  s: ScanState,
  objects: readonly RawObject[],
  rendering: Rendering,
): void {
  pushAll(s.out.objects, objects);
  s.out.renderings.add(rendering);
}

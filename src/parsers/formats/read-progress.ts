/**
 * How far the reading of one input has got, reported while a big input is read (a 20 MB paste
 * takes a while even in a worker). Readers say where they are in the text they read; this
 * turns that into units of the input (bytes, or characters for text), reported at most once
 * per `step` units: throttled by the amount read, never by time, so a parse with a callback
 * does exactly the same work as one without.
 */

/** One report: `done` strictly increases from one report to the next and ends at `total`. */
export interface ReadProgress {
  /** Index of the input in the list given to `parseInputs`. */
  readonly input: number;
  /** Units of the input read so far: bytes when it was given as bytes, else characters. */
  readonly done: number;
  readonly total: number;
  /** Lines of the input read so far (the whole input's count in the last report). */
  readonly lines: number;
}

/** Default: report every 256 KiB of input (about 80 reports for 20 MB). */
export const READ_PROGRESS_STEP = 256 * 1024;

export class ReadTracker {
  private last = 0;
  private next: number;
  private scale = 1;

  constructor(
    private readonly input: number,
    /** The input's size in its own units (what `done` ends at). */
    private readonly total: number,
    private readonly step: number,
    private readonly report: (p: ReadProgress) => void,
  ) {
    this.next = Math.max(1, step);
  }

  /** The reader's positions are offsets in a text of `length` characters. */
  over(length: number): void {
    this.scale = length > 0 ? this.total / length : 0;
  }

  /** The reader is at offset `pos` of its text, on line `line` of the input. */
  at(pos: number, line: number): void {
    const done = Math.floor(pos * this.scale);
    if (done < this.next || done <= this.last || done >= this.total) return;
    this.last = done;
    this.next = done + this.step;
    this.report({ input: this.input, done, total: this.total, lines: line });
  }

  /** The whole input is read: the last report, at the total. */
  end(lines: number): void {
    this.report({ input: this.input, done: this.total, total: this.total, lines });
  }
}

/** Lines in `text` (a last line without a newline counts; an empty text has none). */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
